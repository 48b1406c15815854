export default definePageConfig({ navigationBarTitleText: '党员社区服务', enablePullDownRefresh: true });
