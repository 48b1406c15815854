import { View } from '@tarojs/components';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS } from '@/domain/activity-types';
import { activityFormSchema, CHECKIN_MODE_LABELS, CHECKIN_MODES, type ActivityView, type CheckinMode } from '@/domain/activity.schema';
import { useSchemaForm } from '@/lib/use-schema-form';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { TextArea } from '@/components/text-area';
import { maxLengthOf } from '@/domain/validation';
import { toastInfo } from '@/components/toast';
import './activities.scss';
import { call } from '@/lib/cloud';

const FIELDS = ['title', 'type', 'startAt', 'endAt', 'place', 'radius', 'checkinMode', 'capacity', 'contact', 'content'] as const;
const optional = (v: string) => (v.trim() === '' ? undefined : v);
const optionalNumber = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** 发布服务活动: place and fence default to the community's when left empty. */
export function ActivityForm({ communityId, onDone }: { communityId: string; onDone: (activity: ActivityView) => void }) {
  const form = useSchemaForm({
    initial: () => ({ title: '', type: 'volunteer', startAt: '', endAt: '', place: '', radius: '', checkinMode: 'location', capacity: '20', contact: '', content: '' }),
    schema: activityFormSchema,
    toInput: (v) => ({
      communityId,
      title: v.title,
      type: v.type,
      startAt: v.startAt,
      endAt: v.endAt,
      place: optional(v.place),
      radius: optionalNumber(v.radius),
      checkinMode: v.checkinMode as CheckinMode,
      capacity: optionalNumber(v.capacity),
      contact: optional(v.contact),
      content: optional(v.content),
    }),
    fields: FIELDS,
    submit: (data, requestId) => call('checkin', 'publishActivity', { ...data, requestId }),
    onDone,
    onFail: toastInfo,
  });
  const { values, set, errors } = form;
  return (
    <View className="e2e-activity-form">
      <FormField name="title" label="活动名称" required error={errors.title}>
        <TextInput className="e2e-input-title" value={values.title} limit={maxLengthOf(activityFormSchema.shape.title)} placeholder="如：社区政策宣讲" onChange={(v) => set('title', v)} />
      </FormField>
      <FormField name="type" label="活动类型" required error={errors.type}>
        <OptionPicker hook="activity-type" title="活动类型" options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))} value={values.type} onChange={(v) => set('type', v)} />
      </FormField>
      <FormField name="startAt" label="开始时间" required hint="如 2025-06-01 09:00" error={errors.startAt}>
        <TextInput className="e2e-input-startAt" value={values.startAt} maxLength={16} placeholder="YYYY-MM-DD HH:mm" onChange={(v) => set('startAt', v)} />
      </FormField>
      <FormField name="endAt" label="结束时间" required error={errors.endAt}>
        <TextInput className="e2e-input-endAt" value={values.endAt} maxLength={16} placeholder="YYYY-MM-DD HH:mm" onChange={(v) => set('endAt', v)} />
      </FormField>
      <FormField name="place" label="活动地点" hint="不填则为社区地址" error={errors.place}>
        <TextInput className="e2e-input-place" value={values.place} limit={maxLengthOf(activityFormSchema.shape.place)} onChange={(v) => set('place', v)} />
      </FormField>
      <FormField name="radius" label="签到范围（米）" hint="不填则同社区报到范围" error={errors.radius}>
        <TextInput className="e2e-input-radius" type="number" value={values.radius} maxLength={4} onChange={(v) => set('radius', v)} />
      </FormField>
      <FormField name="checkinMode" label="签到方式" required hint="现场扫码签到：党员需扫描工作人员手机上每 30 秒更新的签到码，并在签到范围内" error={errors.checkinMode}>
        <OptionPicker hook="checkin-mode" title="签到方式" options={CHECKIN_MODES.map((m) => ({ value: m, label: CHECKIN_MODE_LABELS[m] }))} value={values.checkinMode} onChange={(v) => set('checkinMode', v)} />
      </FormField>
      <FormField name="capacity" label="名额" required error={errors.capacity}>
        <TextInput className="e2e-input-capacity" type="number" value={values.capacity} maxLength={3} onChange={(v) => set('capacity', v)} />
      </FormField>
      <FormField name="contact" label="联系人" error={errors.contact}>
        <TextInput className="e2e-input-contact" value={values.contact} limit={maxLengthOf(activityFormSchema.shape.contact)} onChange={(v) => set('contact', v)} />
      </FormField>
      <FormField name="content" label="活动内容" error={errors.content}>
        <TextArea className="activity-form__content e2e-input-content" value={values.content} limit={maxLengthOf(activityFormSchema.shape.content)} placeholder="活动内容、集合地点、注意事项" onChange={(v) => set('content', v)} />
      </FormField>
      <View className="activity-form__actions">
        <AppButton className="e2e-submit-activity" type="primary" block loading={form.submitting} onClick={() => void form.submit()}>
          发布活动
        </AppButton>
      </View>
    </View>
  );
}
