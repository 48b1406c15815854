export default definePageConfig({ navigationBarTitleText: '认领督办' });
