import { useRouter } from '@tarojs/taro';
import { ActivityCode } from '@/features/activities/activity-code';
import { EmptyState } from '@/components/state-views';
import { PageRoot } from '@/components/page-root';

export default function ActivityCodePage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  return <PageRoot className="page-activity-code">{id ? <ActivityCode activityId={id} /> : <EmptyState title="请从活动签到管理中选择活动" />}</PageRoot>;
}
