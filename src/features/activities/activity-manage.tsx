import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ATTENDANCE_STATUS_LABELS } from '@/domain/activity.schema';
import { formatShanghaiMinute } from '@/domain/shanghai-time';
import { useAsync } from '@/lib/use-async';
import { useAction } from '@/lib/use-action';
import { AppButton } from '@/components/app-button';
import { AsyncView, EmptyState } from '@/components/state-views';
import { ListCell, ListGroup } from '@/components/list-cell';
import { Section } from '@/components/section';
import { ActivityCard } from './activity-card';
import './activities.scss';
import { call } from '@/lib/cloud';
import { activityCodeUrl } from '@/routes';

function Roster({ activityId }: { activityId: string }) {
  const { state, reload } = useAsync(() => call('checkin', 'activityRoster', { activityId: activityId }), [activityId]);
  const { run, busy } = useAction();
  const closeAll = async () => {
    if (await run('checkin', 'checkOutAll', { activityId }, { done: ({ checkedOut }) => `已统一签退 ${checkedOut} 人` })) await reload();
  };
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {({ activity, items }) => (
        <Section title={`${activity.title} · 报名 ${activity.signedUp}/${activity.capacity}`}>
          {(activity.phase === 'upcoming' || activity.phase === 'checkin_open') && (
            <View className="activity-form__actions">
              {activity.checkinMode === 'code' && <Text className="activity-detail__hint">本活动为现场扫码签到：签到时请出示签到码，党员扫码后方可签到。</Text>}
              <AppButton className="e2e-show-activity-code" block fill="outline" onClick={() => void Taro.navigateTo({ url: activityCodeUrl(activityId) })}>
                出示现场签到码
              </AppButton>
            </View>
          )}
          {items.length === 0 ? (
            <EmptyState title="暂无报名" />
          ) : (
            <ListGroup className="e2e-activity-roster">
              {items.map((a) => (
                <ListCell
                  key={a.memberOpenid}
                  title={a.memberName}
                  description={`${a.workUnitName}${a.checkedInAt ? ` · 签到 ${formatShanghaiMinute(a.checkedInAt).slice(11)}` : ''}${a.checkedOutAt ? ` · 签退 ${formatShanghaiMinute(a.checkedOutAt).slice(11)}` : ''}`}
                  extra={a.hours !== null ? `${a.hours} 小时` : ATTENDANCE_STATUS_LABELS[a.status]}
                />
              ))}
            </ListGroup>
          )}
          {items.some((a) => a.status === 'checked_in') && (
            <View className="activity-form__actions">
              <Text className="activity-detail__hint">活动结束后，可为仍未签退的党员统一签退，时长计至活动结束。</Text>
              <AppButton className="e2e-checkout-all" type="primary" block loading={busy} onClick={() => void closeAll()}>
                统一签退
              </AppButton>
            </View>
          )}
        </Section>
      )}
    </AsyncView>
  );
}

/** The community's activities; choosing one shows who signed up, who is in and out, and their hours. */
export function ActivityManage({ communityId }: { communityId: string }) {
  const { state, reload } = useAsync(() => call('checkin', 'listActivities', { communityId: communityId }).then((r) => r.items), [communityId]);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <View style={{ paddingTop: '12px' }}>
      {selected && <Roster key={selected} activityId={selected} />}
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="还没有发布活动" />}>
        {(items) => items.map((a) => <ActivityCard key={a.id} activity={{ ...a, mine: null }} onClick={() => setSelected(a.id)} />)}
      </AsyncView>
    </View>
  );
}
