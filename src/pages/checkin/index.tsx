import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CheckinFlow } from '@/features/checkin/checkin-flow';
import { sceneFromParams } from '@/features/checkin/scene';

/** Opened from the community's code (scene = community id), from the home page, or by the H5 address. */
export default function CheckinPage() {
  const router = useRouter();
  return (
    <View className="page page-checkin">
      <CheckinFlow scene={sceneFromParams(router.params)} />
    </View>
  );
}
