export default definePageConfig({ navigationBarTitleText: '五星创评待办' });
