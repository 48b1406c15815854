export default definePageConfig({ navigationBarTitleText: '登记服务' });
