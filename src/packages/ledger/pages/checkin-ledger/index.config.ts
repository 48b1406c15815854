export default definePageConfig({ navigationBarTitleText: '报到台账' });
