export default definePageConfig({ navigationBarTitleText: '服务纪实台账' });
