import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
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
import { toastInfo } from '@/components/toast';
import './records.scss';
import { call } from '@/lib/cloud';

const selfSchema = serviceLogActions.reportService.omit({ requestId: true });
const SELF_FIELDS = ['type', 'title', 'serviceDate', 'place', 'beneficiaries', 'content', 'hours', 'evidence'] as const;
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
    initial: () => ({ type: 'volunteer', title: '', serviceDate: formatShanghaiDate(new Date()), place: '', beneficiaries: '', content: '', hours: '', evidence: [] as string[] }),
    schema: selfSchema,
    toInput: (v) => ({ ...v, communityId, hours: v.hours === '' ? undefined : Number(v.hours) }),
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
        <TextInput className="e2e-input-title" value={values.title} maxLength={30} placeholder="如：走访独居老人" onChange={(v) => set('title', v)} />
      </FormField>
      <FormField name="serviceDate" label="服务日期" required error={errors.serviceDate}>
        <TextInput className="e2e-input-serviceDate" value={values.serviceDate} maxLength={10} placeholder="2025-06-01" onChange={(v) => set('serviceDate', v)} />
      </FormField>
      <FormField name="place" label="服务地点" required error={errors.place}>
        <TextInput className="e2e-input-place" value={values.place} maxLength={60} onChange={(v) => set('place', v)} />
      </FormField>
      <FormField name="beneficiaries" label="服务对象" required error={errors.beneficiaries}>
        <TextInput className="e2e-input-beneficiaries" value={values.beneficiaries} maxLength={60} placeholder="如：独居老人、辖区居民" onChange={(v) => set('beneficiaries', v)} />
      </FormField>
      <FormField name="content" label="服务内容" required error={errors.content}>
        <Textarea className="text-area e2e-input-content" value={values.content} maxlength={300} placeholder="做了什么、帮助了谁" onInput={(e) => set('content', e.detail.value)} />
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
        <Textarea className="text-area e2e-input-reason" value={values.reason} maxlength={200} placeholder="如：签退时手机没电，实际服务到活动结束" onInput={(e) => set('reason', e.detail.value)} />
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
