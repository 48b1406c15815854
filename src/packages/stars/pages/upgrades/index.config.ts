export default definePageConfig({ navigationBarTitleText: '升级增星审批' });
