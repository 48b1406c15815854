export default definePageConfig({ navigationBarTitleText: '意向匹配' });
