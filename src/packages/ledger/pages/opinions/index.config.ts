export default definePageConfig({ navigationBarTitleText: '党员年度评价' });
