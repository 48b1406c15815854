export default definePageConfig({ navigationBarTitleText: '统计表报送情况' });
