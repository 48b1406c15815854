export default definePageConfig({ navigationBarTitleText: '党建项目公开' });
