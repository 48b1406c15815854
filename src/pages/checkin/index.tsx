import { useRouter } from '@tarojs/taro';
import { CheckinFlow } from '@/features/checkin/checkin-flow';
import { sceneFromParams } from '@/features/checkin/scene';
import { PageRoot } from '@/components/page-root';

/** Opened from the community's code (scene = community id), from the home page, or by the H5 address. */
export default function CheckinPage() {
  const router = useRouter();
  return (
    <PageRoot className="page-checkin">
      <CheckinFlow scene={sceneFromParams(router.params)} />
    </PageRoot>
  );
}
