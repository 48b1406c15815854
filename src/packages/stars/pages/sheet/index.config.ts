export default definePageConfig({ navigationBarTitleText: '五星创评评分表' });
