export default definePageConfig({ navigationBarTitleText: '报到与服务管理' });
