export default definePageConfig({ navigationBarTitleText: '我的心愿与认领', enablePullDownRefresh: true });
