export default definePageConfig({ navigationBarTitleText: '党组织' });
