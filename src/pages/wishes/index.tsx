import { View } from '@tarojs/components';
import { ComingSoon } from '@/components/coming-soon';

export default function WishesPage() {
  return (
    <View className="page">
      <ComingSoon area="微心愿" note="居民许愿、党员认领、社区公示，干群心连心，点亮微心愿。" />
    </View>
  );
}
