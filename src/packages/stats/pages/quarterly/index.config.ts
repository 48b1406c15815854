export default definePageConfig({ navigationBarTitleText: '四进四联统计表' });
