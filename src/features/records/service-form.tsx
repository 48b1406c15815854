import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS } from '@/domain/activity-types';
import { correctionFields, serviceLogActions, type ServiceLogView } from '@/domain/service-log.schema';
import { formatShanghaiDate } from '@/domain/shanghai-time';
import { askToNotify } from '@/lib/subscribe-message';
import { useSchemaForm } from '@/lib/use-schema-form';
import { chooseAndUploadImages } from '@/lib/upload';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { TextArea } from '@/components/text-area';
import { maxLengthOf } from '@/domain/validation';
import { toastInfo } from '@/components/toast';
import './records.scss';
import { call } from '@/lib/cloud';

const selfSchema = serviceLogActions.reportService.omit({ requestId: true });
const SELF_FIELDS = ['type', 'title', 'serviceDate', 'place', 'beneficiaries', 'content', 'visited', 'heard', 'solved', 'hours', 'evidence'] as const;
/** 四进四联 走访 details: optional, so an empty box is sent as absent. */
const blankAsAbsent = (v: string) => (v.trim() === '' ? undefined : v);
const CORRECTION_FIELDS = ['hours', 'reason', 'evidence'] as const;

function Evidence({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const [uploading, setUploading] = useState(false);
  const add = async () => {
    setUploading(true);
    try {
      onChange([...value, ...(await chooseAndUploadImages({ count: 6 - value.length }))].slice(0, 6));
    } catch (e) {
      toastInfo(toastMessage(e));
    } finally {
      setUploading(false);
    }
  };
  return (
    <FormField name="evidence" label="证明照片" required hint="活动现场、服务对象签字等，最多 6 张" error={error}>
      <View className="record-actions" style={{ justifyContent: 'flex-start', padding: 0 }}>
        <Text className="e2e-evidence-count">{value.length ? `已上传 ${value.length} 张` : '尚未上传'}</Text>
        {value.length < 6 && (
          <AppButton className="e2e-evidence-add" size="small" loading={uploading} onClick={() => void add()}>
            上传照片
          </AppButton>
        )}
      </View>
    </FormField>
  );
}

/** 登记自主服务: service outside an activity, counted once the community confirms it. */
export function SelfReportForm({ communityId, onDone }: { communityId: string; onDone: (log: ServiceLogView) => void }) {
  const form = useSchemaForm({
    initial: () => ({ type: 'volunteer', title: '', serviceDate: formatShanghaiDate(new Date()), place: '', beneficiaries: '', content: '', visited: '', heard: '', solved: '', hours: '', evidence: [] as string[] }),
    schema: selfSchema,
    toInput: (v) => ({
      ...v,
      communityId,
      visited: blankAsAbsent(v.visited),
      heard: blankAsAbsent(v.heard),
      solved: blankAsAbsent(v.solved),
      hours: v.hours === '' ? undefined : Number(v.hours),
    }),
    fields: SELF_FIELDS,
    submit: (data, requestId) => call('checkin', 'reportService', { ...data, requestId: requestId }),
    onDone,
    onFail: toastInfo,
  });
  const { values, set, errors } = form;
  return (
    <View className="e2e-self-report-form">
      <FormField name="type" label="服务类型" required error={errors.type}>
        <OptionPicker hook="service-type" title="服务类型" options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))} value={values.type} onChange={(v) => set('type', v)} />
      </FormField>
      <FormField name="title" label="服务名称" required error={errors.title}>
        <TextInput className="e2e-input-title" value={values.title} limit={maxLengthOf(serviceLogActions.reportService.shape.title)} placeholder="如：走访独居老人" onChange={(v) => set('title', v)} />
      </FormField>
      <FormField name="serviceDate" label="服务日期" required error={errors.serviceDate}>
        <TextInput className="e2e-input-serviceDate" value={values.serviceDate} maxLength={10} placeholder="2025-06-01" onChange={(v) => set('serviceDate', v)} />
      </FormField>
      <FormField name="place" label="服务地点" required error={errors.place}>
        <TextInput className="e2e-input-place" value={values.place} limit={maxLengthOf(serviceLogActions.reportService.shape.place)} onChange={(v) => set('place', v)} />
      </FormField>
      <FormField name="beneficiaries" label="服务对象" required error={errors.beneficiaries}>
        <TextInput className="e2e-input-beneficiaries" value={values.beneficiaries} limit={maxLengthOf(serviceLogActions.reportService.shape.beneficiaries)} placeholder="如：独居老人、辖区居民" onChange={(v) => set('beneficiaries', v)} />
      </FormField>
      <FormField name="content" label="服务内容" required error={errors.content}>
        <TextArea className="e2e-input-content" value={values.content} limit={maxLengthOf(serviceLogActions.reportService.shape.content)} placeholder="做了什么、帮助了谁" onChange={(v) => set('content', v)} />
      </FormField>
      <FormField name="visited" label="走访对象" hint="走访群众时填写，可不填" error={errors.visited}>
        <TextInput className="e2e-input-visited" value={values.visited} limit={maxLengthOf(serviceLogActions.reportService.shape.visited)} placeholder="如：独居老人张某" onChange={(v) => set('visited', v)} />
      </FormField>
      <FormField name="heard" label="听取意见" hint="群众提出的意见建议，可不填" error={errors.heard}>
        <TextArea className="e2e-input-heard" value={values.heard} limit={maxLengthOf(serviceLogActions.reportService.shape.heard)} onChange={(v) => set('heard', v)} />
      </FormField>
      <FormField name="solved" label="解决问题" hint="帮助解决了什么问题，可不填" error={errors.solved}>
        <TextArea className="e2e-input-solved" value={values.solved} limit={maxLengthOf(serviceLogActions.reportService.shape.solved)} onChange={(v) => set('solved', v)} />
      </FormField>
      <FormField name="hours" label="服务时长（小时）" required hint="按 0.5 小时计" error={errors.hours}>
        <TextInput className="e2e-input-hours" type="digit" value={values.hours} maxLength={4} placeholder="如：1.5" onChange={(v) => set('hours', v)} />
      </FormField>
      <Evidence value={values.evidence} onChange={(ids) => set('evidence', ids)} error={errors.evidence} />
      <View className="form-actions">
        <AppButton className="e2e-submit-service" type="primary" block loading={form.submitting} onClick={() => {
            void askToNotify(['serviceLogReviewed']);
            void form.submit();
          }}>
          提交，等待社区确认
        </AppButton>
      </View>
    </View>
  );
}

/** 补录: the hours an activity really took, with a reason and evidence; the community approves it. */
export function CorrectionForm({ target, onDone }: { target: { logId?: string; activityId?: string; title?: string }; onDone: (log: ServiceLogView) => void }) {
  const form = useSchemaForm({
    initial: () => ({ hours: '', reason: '', evidence: [] as string[] }),
    schema: correctionFields,
    toInput: (v) => ({ ...v, hours: v.hours === '' ? undefined : Number(v.hours) }),
    fields: CORRECTION_FIELDS,
    submit: (data, requestId) => call('checkin', 'requestCorrection', { ...target.logId ? { ...data, logId: target.logId } : { ...data, activityId: target.activityId }, requestId: requestId }),
    onDone,
    onFail: toastInfo,
  });
  const { values, set, errors } = form;
  return (
    <View className="e2e-correction-form">
      {target.title && (
        <FormField name="activity" label="活动">
          <Text>{target.title}</Text>
        </FormField>
      )}
      <FormField name="hours" label="实际服务时长（小时）" required hint="不超过活动时长，按 0.5 小时计" error={errors.hours}>
        <TextInput className="e2e-input-hours" type="digit" value={values.hours} maxLength={4} onChange={(v) => set('hours', v)} />
      </FormField>
      <FormField name="reason" label="补录原因" required error={errors.reason}>
        <TextArea className="e2e-input-reason" value={values.reason} limit={maxLengthOf(serviceLogActions.requestCorrection.shape.reason)} placeholder="如：签退时手机没电，实际服务到活动结束" onChange={(v) => set('reason', v)} />
      </FormField>
      <Evidence value={values.evidence} onChange={(ids) => set('evidence', ids)} error={errors.evidence} />
      <View className="form-actions">
        <AppButton className="e2e-submit-correction" type="primary" block loading={form.submitting} onClick={() => {
            void askToNotify(['serviceLogReviewed']);
            void form.submit();
          }}>
          提交补录申请
        </AppButton>
      </View>
    </View>
  );
}
