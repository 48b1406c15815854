export default definePageConfig({ navigationBarTitleText: '网络问政' });
