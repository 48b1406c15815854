export default definePageConfig({ navigationBarTitleText: '社区对我的意见' });
