export default definePageConfig({ navigationBarTitleText: '修改后重新申报' });
