import { Textarea, View } from '@tarojs/components';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS } from '@/domain/activity-types';
import { activityFormSchema, type ActivityView } from '@/domain/activity.schema';
import { useSchemaForm } from '@/lib/use-schema-form';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { toastInfo } from '@/components/toast';
import './activities.scss';
import { call } from '@/lib/cloud';

const FIELDS = ['title', 'type', 'startAt', 'endAt', 'place', 'radius', 'capacity', 'contact', 'content'] as const;
const optional = (v: string) => (v.trim() === '' ? undefined : v);
const optionalNumber = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** 发布服务活动: place and fence default to the community's when left empty. */
export function ActivityForm({ communityId, onDone }: { communityId: string; onDone: (activity: ActivityView) => void }) {
  const form = useSchemaForm({
    initial: () => ({ title: '', type: 'volunteer', startAt: '', endAt: '', place: '', radius: '', capacity: '20', contact: '', content: '' }),
    schema: activityFormSchema,
    toInput: (v) => ({
      communityId,
      title: v.title,
      type: v.type,
      startAt: v.startAt,
      endAt: v.endAt,
      place: optional(v.place),
      radius: optionalNumber(v.radius),
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
        <TextInput className="e2e-input-title" value={values.title} maxLength={30} placeholder="如：社区政策宣讲" onChange={(v) => set('title', v)} />
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
        <TextInput className="e2e-input-place" value={values.place} maxLength={60} onChange={(v) => set('place', v)} />
      </FormField>
      <FormField name="radius" label="签到范围（米）" hint="不填则同社区报到范围" error={errors.radius}>
        <TextInput className="e2e-input-radius" type="number" value={values.radius} maxLength={4} onChange={(v) => set('radius', v)} />
      </FormField>
      <FormField name="capacity" label="名额" required error={errors.capacity}>
        <TextInput className="e2e-input-capacity" type="number" value={values.capacity} maxLength={3} onChange={(v) => set('capacity', v)} />
      </FormField>
      <FormField name="contact" label="联系人" error={errors.contact}>
        <TextInput className="e2e-input-contact" value={values.contact} maxLength={30} onChange={(v) => set('contact', v)} />
      </FormField>
      <FormField name="content" label="活动内容" error={errors.content}>
        <Textarea className="activity-form__content e2e-input-content" value={values.content} maxlength={300} placeholder="活动内容、集合地点、注意事项" onInput={(e) => set('content', e.detail.value)} />
      </FormField>
      <View className="activity-form__actions">
        <AppButton className="e2e-submit-activity" type="primary" block loading={form.submitting} onClick={() => void form.submit()}>
          发布活动
        </AppButton>
      </View>
    </View>
  );
}
