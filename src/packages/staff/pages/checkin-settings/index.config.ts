export default definePageConfig({ navigationBarTitleText: '社区位置与报到码' });
