export default definePageConfig({ navigationBarTitleText: '申报党建项目' });
