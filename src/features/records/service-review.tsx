import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { QUALITY_RATINGS, QUALITY_RATING_LABELS, serviceLogActions, type QualityRating, type ServiceLogView } from '@/domain/service-log.schema';
import { maxLengthOf } from '@/domain/validation';
import { useAsync } from '@/lib/use-async';
import { call } from '@/lib/cloud';
import { useAction } from '@/lib/use-action';
import { confirmAction } from '@/lib/confirm';
import { AppButton } from '@/components/app-button';
import { CheckedPhoto } from '@/components/checked-photo';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextInput } from '@/components/text-input';
import './records.scss';

function PendingLog({ log, onDone }: { log: ServiceLogView; onDone: () => void }) {
  const [rating, setRating] = useState<QualityRating>('pass');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { run, busy } = useAction();
  const decide = async (decision: 'confirm' | 'reject') => {
    const payload = decision === 'confirm' ? { logId: log.id, decision, rating } : { logId: log.id, decision, reason };
    if (decision === 'reject' && !(await confirmAction({ title: '退回这条记录？', content: `退回后 ${log.hours} 小时不计入${log.memberName}的服务时长，本人会看到退回原因。`, confirmText: '退回' }))) return;
    if (await run('checkin', 'reviewLog', payload, { done: decision === 'confirm' ? '已确认，时长已计入' : '已退回' })) onDone();
  };
  return (
    <View className={`record-log e2e-pending-log e2e-pending-log-${log.kind}`}>
      <View className="record-log__head">
        <Text className="record-log__title">{`${log.memberName} · ${log.title}`}</Text>
        <Text className="record-log__status record-log__status--pending">{log.kindLabel}</Text>
      </View>
      <Text className="record-log__line">{`${log.serviceDate} · ${log.typeLabel} · ${log.place}`}</Text>
      <Text className="record-log__line">{`服务对象：${log.beneficiaries} · 负责人：${log.personInCharge}`}</Text>
      {log.visited && <Text className="record-log__line">{`走访对象：${log.visited}`}</Text>}
      {log.heard && <Text className="record-log__line">{`听取意见：${log.heard}`}</Text>}
      {log.solved && <Text className="record-log__line">{`解决问题：${log.solved}`}</Text>}
      <Text className="record-log__hours">{`${log.hours} 小时`}</Text>
      {log.reason && <Text className="record-log__line">{`补录原因：${log.reason}`}</Text>}
      {log.evidence.some((e) => e.url) && (
        <View className="record-actions" style={{ justifyContent: 'flex-start', padding: '8px 0' }}>
          {log.evidence.flatMap((e) => (e.url ? [<CheckedPhoto key={e.fileId} className="record-log__photo" url={e.url} mark={log.photoMarks[e.url]} alt="服务佐证照片" />] : []))}
        </View>
      )}
      {!rejecting && (
        <View className="record-years" style={{ padding: '12px 0 0' }}>
          {QUALITY_RATINGS.map((r) => (
            <Text key={r} className={`record-years__chip e2e-rating-${r}${rating === r ? ' is-active' : ''}`} onClick={() => setRating(r)}>
              {QUALITY_RATING_LABELS[r]}
            </Text>
          ))}
        </View>
      )}
      {rejecting && <TextInput className="e2e-input-reject-reason" value={reason} placeholder="退回原因（必填）" limit={maxLengthOf(serviceLogActions.reviewLog.shape.reason)} onChange={setReason} />}
      <View className="record-actions" style={{ padding: '12px 0 0' }}>
        {!rejecting && (
          <AppButton className="e2e-confirm-log" size="small" type="primary" loading={busy} onClick={() => void decide('confirm')}>
            确认时长
          </AppButton>
        )}
        <AppButton className="e2e-reject-log" size="small" loading={busy && rejecting} onClick={() => (rejecting ? void decide('reject') : setRejecting(true))}>
          {rejecting ? '确认退回' : '退回'}
        </AppButton>
      </View>
    </View>
  );
}

/** 服务时长确认: logs awaiting the community, confirmed with a quality rating or sent back with a reason. */
export function ServiceReview({ communityId }: { communityId: string }) {
  const { state, reload } = useAsync(() => call('checkin', 'pendingLogs', { communityId: communityId }).then((r) => r.items), [communityId]);
  return (
    <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="暂无待确认的服务记录" />}>
      {(items) => (
        <View style={{ background: '#fff', margin: '12px', borderRadius: '8px' }}>
          {items.map((l) => (
            <PendingLog key={l.id} log={l} onDone={() => void reload()} />
          ))}
        </View>
      )}
    </AsyncView>
  );
}
