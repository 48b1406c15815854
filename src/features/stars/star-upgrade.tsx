import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STAR_LABELS } from '@/domain/star-rating';
import { STAR_NOTE_MAX, STAR_REASON_MAX, type StarUpgradeView } from '@/domain/star.schema';
import { AppButton } from '@/components/app-button';
import { CheckedPhoto } from '@/components/checked-photo';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { toastInfo } from '@/components/toast';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { newRequestId } from '@/lib/request-id';
import { askToNotify } from '@/lib/subscribe-message';
import { chooseAndUploadImages } from '@/lib/upload';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import './stars.scss';

const EVIDENCE_MAX = 6;

/** The evidence photos this viewer may see, as photos (tap to enlarge); a photo not cleared for them is counted only. */
function EvidencePhotos({ u }: { u: StarUpgradeView }) {
  if (u.evidence.length === 0) return <Text className="stars__line">佐证材料：未上传</Text>;
  const urls = u.evidence.flatMap((e) => (e.url ? [e.url] : []));
  const hidden = u.evidence.length - urls.length;
  return (
    <>
      <Text className="stars__line">{`佐证材料 ${u.evidence.length} 张${hidden > 0 ? `（${hidden} 张待图片审核通过后显示）` : ''}`}</Text>
      {urls.length > 0 && (
        <View className="stars__photos">
          {urls.map((url, i) => (
            <CheckedPhoto key={url} className="stars__photo e2e-star-upgrade-photo" url={url} mark={u.photoMarks[url]} alt={`升级增星佐证照片 ${i + 1}`} onClick={() => void Taro.previewImage({ urls, current: url })} />
          ))}
        </View>
      )}
    </>
  );
}

function UpgradeCard({ u, children }: { u: StarUpgradeView; children?: React.ReactNode }) {
  return (
    <View className="stars__card e2e-star-upgrade">
      <Text className="stars__title">{`${u.branchName} · ${STAR_LABELS[u.fromStars]} → ${STAR_LABELS[u.toStars]}`}</Text>
      <Text className="stars__line">{`${u.statusLabel} · 申请于 ${u.at.slice(0, 10)}`}</Text>
      <Text className="stars__line">{`理由：${u.reason}`}</Text>
      <EvidencePhotos u={u} />
      {u.decisionReason && <Text className="stars__line">{`评定组织意见：${u.decisionReason}`}</Text>}
      {children}
    </View>
  );
}

function ApplyForm({ branchId, year, onDone }: { branchId: string; year: number; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [requestId] = useState(() => newRequestId());
  const { run, busy, errors, clearError } = useAction({ fields: ['reason', 'evidence'] });
  return (
    <View className="e2e-star-upgrade-form">
      <FormField name="reason" label="申请理由" required error={errors.reason}>
        <TextArea className="e2e-input-upgrade-reason" value={reason} limit={STAR_NOTE_MAX} placeholder="写明评定以来支部建设的新进展" onChange={(v) => { setReason(v); clearError('reason'); }} />
      </FormField>
      <FormField name="evidence" label={`佐证材料（已上传 ${evidence.length} 张，最多 ${EVIDENCE_MAX} 张）`} error={errors.evidence}>
        <AppButton className="e2e-star-upgrade-evidence" block disabled={evidence.length >= EVIDENCE_MAX} onClick={async () => {
          try {
            const ids = await chooseAndUploadImages({ count: EVIDENCE_MAX - evidence.length });
            if (ids.length > 0) setEvidence((all) => [...all, ...ids].slice(0, EVIDENCE_MAX));
          } catch (e) {
            toastInfo((e as Error).message || '上传失败，请重试');
          }
        }}>
          上传佐证材料照片
        </AppButton>
      </FormField>
      <BottomBar>
        <AppButton className="e2e-star-upgrade-submit" type="primary" block loading={busy} onClick={async () => {
          // Asked on this tap (WeChat allows it only here): the rating organisation's decision is sent to the applicant.
          void askToNotify(['starUpgradeDecided']);
          if (!(await confirmAction({ title: '申请升级增星', content: '申请将提交评定组织审批，审批前不能再次申请。', confirmText: '提交' }))) return;
          if (await run('org', 'applyStarUpgrade', { branchId, year, reason, evidence, requestId }, { done: '已提交，下一步：等待评定组织审批' })) onDone();
        }}>
          提交升级申请
        </AppButton>
      </BottomBar>
    </View>
  );
}

/** A branch's 升级增星: its current star, its applications with the outcome, and the form for its secretary. */
export function StarUpgradeApply({ branchId, year: initialYear }: { branchId: string; year: number }) {
  const [year, setYear] = useState(initialYear);
  const { state, reload } = useAsync(() => call('org', 'branchStarUpgrades', { branchId, year }), [branchId, year]);
  const years = [initialYear, initialYear - 1];
  return (
    <Section title="升级增星申请" className="stars e2e-star-upgrade-apply">
      <FormField name="year" label="评定年度">
        <OptionPicker title="评定年度" hook="upgrade-year" value={String(year)} options={years.map((y) => ({ value: String(y), label: `${y} 年度` }))} onChange={(v) => setYear(Number(v))} />
      </FormField>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(d) => (
          <>
            <Text className="stars__title stars__block">{`${d.branchName} · ${d.stars ? STAR_LABELS[d.stars] : '尚未评定'} · ${d.statusLabel}`}</Text>
            {d.items.length === 0 ? <EmptyState title="暂无升级申请" description="评定结果公布后，支部书记可以申请升级增星" /> : d.items.map((u) => <UpgradeCard key={u.id} u={u} />)}
            {d.canApply ? <ApplyForm key={year} branchId={branchId} year={year} onDone={() => void reload()} /> : d.applyRefusal && <Text className="stars__hint stars__block e2e-star-upgrade-closed">{d.applyRefusal}</Text>}
          </>
        )}
      </AsyncView>
    </Section>
  );
}

function DecideForm({ u, onDone }: { u: StarUpgradeView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { run, running, errors, clearError } = useAction({ fields: ['reason'] });
  return (
    <>
      <FormField name="reason" label="审批意见" required error={errors.reason}>
        <TextArea className="e2e-input-upgrade-decision" value={reason} limit={STAR_REASON_MAX} onChange={(v) => { setReason(v); clearError('reason'); }} />
      </FormField>
      {(['approve', 'refuse'] as const).map((decision) => (
        <AppButton key={decision} className={`e2e-star-upgrade-${decision}`} type={decision === 'approve' ? 'primary' : 'default'} block loading={running === decision} onClick={async () => {
          const content = decision === 'approve' ? `将「${u.branchName}」升为${STAR_LABELS[u.toStars]}，记入该支部的星级历史。` : '不同意升级，意见将告知该支部。';
          if (!(await confirmAction({ title: decision === 'approve' ? '同意升级' : '不同意升级', content, confirmText: '确认' }))) return;
          if (await run('org', 'decideStarUpgrade', { upgradeId: u.id, decision, reason }, { key: decision, done: (r) => r.status })) onDone();
        }}>
          {decision === 'approve' ? `同意升为${STAR_LABELS[u.toStars]}` : '不同意'}
        </AppButton>
      ))}
    </>
  );
}

/** The rating organisation's 升级增星 applications of a year: approve (one more star) or refuse, each with a reason. */
export function StarUpgradeDecide({ orgId, year }: { orgId: string; year: number }) {
  const { state, reload } = useAsync(() => call('org', 'starUpgrades', { orgId, year }), [orgId, year]);
  return (
    <Section title={`${year} 年度升级增星申请`} className="stars e2e-star-upgrade-decide">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="暂无升级申请" description="各党支部提出的升级增星申请会出现在这里" />}>
        {(d) => (
          <>
            {d.items.map((u) => (
              <UpgradeCard key={u.id} u={u}>
                {u.status === 'pending' && <DecideForm u={u} onDone={() => void reload()} />}
              </UpgradeCard>
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}
