export default definePageConfig({ navigationBarTitleText: '社区服务活动', enablePullDownRefresh: true });
