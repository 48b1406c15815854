export default definePageConfig({ navigationBarTitleText: '网络问政', enablePullDownRefresh: true });
