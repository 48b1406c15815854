import { View } from '@tarojs/components';
import { ComingSoon } from '@/components/coming-soon';

export default function QaPage() {
  return (
    <View className="page">
      <ComingSoon area="网络问政" note="向社区党组织反映问题、提出建议，限时受理、按时答复。" />
    </View>
  );
}
