export default definePageConfig({ navigationBarTitleText: '服务时长确认' });
