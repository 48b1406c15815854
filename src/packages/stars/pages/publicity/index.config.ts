export default definePageConfig({ navigationBarTitleText: '五星创评公示' });
