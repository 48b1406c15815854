export default definePageConfig({ navigationBarTitleText: '四进四联工作台账' });
