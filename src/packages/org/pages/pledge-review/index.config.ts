export default definePageConfig({ navigationBarTitleText: '定诺与评诺' });
