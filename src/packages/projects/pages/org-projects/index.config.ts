export default definePageConfig({ navigationBarTitleText: '本组织党建项目' });
