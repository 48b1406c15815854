export default definePageConfig({ navigationBarTitleText: '问政公开', enableShareAppMessage: true });
