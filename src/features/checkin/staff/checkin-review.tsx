import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { checkinActions, type CheckinView } from '@/domain/checkin.schema';
import { maxLengthOf } from '@/domain/validation';
import { CHECKIN_STANDING_LABELS } from '@/domain/checkin-term';
import { formatShanghaiDate, formatShanghaiMinute } from '@/domain/shanghai-time';
import { useAsync } from '@/lib/use-async';
import { useAction } from '@/lib/use-action';
import { confirmAction } from '@/lib/confirm';
import { AppButton } from '@/components/app-button';
import { AsyncView, EmptyState } from '@/components/state-views';
import { ListCell, ListGroup } from '@/components/list-cell';
import { Section } from '@/components/section';
import { TextInput } from '@/components/text-input';
import './staff.scss';
import { call } from '@/lib/cloud';

function PendingRow({ checkin, onDone }: { checkin: CheckinView; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy } = useAction();
  const decide = async (decision: 'confirm' | 'reject') => {
    const payload = decision === 'reject' ? { memberOpenid: checkin.memberOpenid, decision, reason } : { memberOpenid: checkin.memberOpenid, decision };
    if (decision === 'reject' && !(await confirmAction({ title: '退回报到？', content: `退回后${checkin.memberName}的报到不成立，需要重新到社区报到。`, confirmText: '退回' }))) return;
    if (await run('checkin', 'reviewCheckin', payload, { done: decision === 'confirm' ? '已确认报到' : '已退回' })) onDone();
  };
  return (
    <View className={`staff-row e2e-pending-checkin e2e-pending-checkin-${checkin.memberOpenid}`}>
      <Text className="staff-row__title">{checkin.memberName}</Text>
      <Text className="staff-row__line">{`${checkin.workUnitName} · ${checkin.partyBranch}`}</Text>
      <Text className="staff-row__line">{`${formatShanghaiMinute(checkin.reportedAt)} 报到，距社区中心约 ${checkin.distance} 米（定位精度 ${checkin.accuracy} 米）`}</Text>
      {rejecting && <TextInput className="e2e-input-reject-reason" value={reason} placeholder="退回原因（必填）" limit={maxLengthOf(checkinActions.reviewCheckin.shape.reason)} onChange={setReason} />}
      <View className="staff-row__actions">
        {!rejecting && (
          <AppButton className="e2e-confirm-checkin" size="small" type="primary" loading={busy} onClick={() => void decide('confirm')}>
            确认报到
          </AppButton>
        )}
        <AppButton className="e2e-reject-checkin" size="small" loading={busy && rejecting} onClick={() => (rejecting ? void decide('reject') : setRejecting(true))}>
          {rejecting ? '确认退回' : '退回'}
        </AppButton>
      </View>
    </View>
  );
}

/** Pending 报到 to confirm or send back, and the roll of reported members with their confirmed hours. */
export function CheckinReview({ communityId }: { communityId: string }) {
  const pending = useAsync(() => call('checkin', 'pendingCheckins', { communityId: communityId }).then((r) => r.items), [communityId]);
  const roster = useAsync(() => call('checkin', 'roster', { communityId: communityId }).then((r) => r.items), [communityId]);
  const refresh = () => void Promise.all([pending.reload(), roster.reload()]);
  return (
    <View>
      <Section title="待确认报到">
        <AsyncView state={pending.state} onRetry={() => void pending.reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="暂无待确认的报到" />}>
          {(items) => items.map((c) => <PendingRow key={c.memberOpenid} checkin={c} onDone={refresh} />)}
        </AsyncView>
      </Section>
      <Section title="已报到党员">
        <AsyncView state={roster.state} onRetry={() => void roster.reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="暂无已报到党员" />}>
          {(items) => (
            <ListGroup className="e2e-roster">
              {items.map((m) => (
                <ListCell
                  key={m.memberOpenid}
                  className={`e2e-roster-${m.memberOpenid}`}
                  title={m.memberName}
                  description={`${m.workUnitName} · 有效期至 ${formatShanghaiDate(m.validUntil)} · ${CHECKIN_STANDING_LABELS[m.standing]}`}
                  extra={`${m.confirmedHours} 小时 / ${m.activities} 次`}
                />
              ))}
            </ListGroup>
          )}
        </AsyncView>
      </Section>
    </View>
  );
}
