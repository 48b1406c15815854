export default definePageConfig({ navigationBarTitleText: '问政办理', enablePullDownRefresh: true });
