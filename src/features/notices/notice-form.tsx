import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { DEFAULT_PUBLICITY_DAYS, NOTICE_CATEGORIES, PUBLICITY_CATEGORIES, noticeContent, type NoticeCategory, type NoticeView } from '@/domain/notice.schema';
import { FORM_KEY, numberField } from '@/lib/field-errors';
import { useSchemaForm } from '@/lib/use-schema-form';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { TextArea } from '@/components/text-area';
import { maxLengthOf } from '@/domain/validation';
import { toastInfo } from '@/components/toast';
import './notices.scss';
import { call } from '@/lib/cloud';

const FIELDS = ['category', 'title', 'body', 'pinned', 'publicityDays'] as const;

interface Values extends Record<string, unknown> {
  category: NoticeCategory | '';
  title: string;
  body: string;
  pinned: boolean;
  publicityDays: string;
}

const valuesOf = (n: NoticeView | null): Values =>
  n
    ? { category: n.category, title: n.title, body: n.body, pinned: n.pinned, publicityDays: String(publicityDaysOf(n)) }
    : { category: '', title: '', body: '', pinned: false, publicityDays: String(DEFAULT_PUBLICITY_DAYS) };

/** Whole days from publication to the end of the 公示, as the staff set it. */
function publicityDaysOf(n: NoticeView): number {
  if (!n.publicityEndsAt) return DEFAULT_PUBLICITY_DAYS;
  const day = 86_400_000;
  const start = Math.floor((Date.parse(n.publishedAt) + 8 * 3_600_000) / day);
  const end = Math.floor((Date.parse(n.publicityEndsAt) + 8 * 3_600_000) / day);
  return end - start + 1;
}

export interface NoticeFormProps {
  communityId: string;
  /** The notice being edited; null for a new one. */
  editing: NoticeView | null;
  onSaved: (notice: NoticeView) => void;
}

/** Staff: publish a notice, or edit one (the text it replaces is kept in its history). */
export function NoticeForm({ communityId, editing, onSaved }: NoticeFormProps) {
  const form = useSchemaForm({
    initial: () => valuesOf(editing),
    schema: noticeContent,
    fields: FIELDS,
    toInput: (v: Values) => ({ ...v, category: v.category || undefined, publicityDays: numberField(v.publicityDays) }),
    submit: (data, requestId) => (editing ? call('notice', 'edit', { id: editing.id, version: editing.version, ...data }) : call('notice', 'publish', { communityId: communityId, ...data, requestId: requestId })),
    onDone: onSaved,
    onFail: toastInfo,
  });
  const { values, set, errors } = form;
  const isPublicity = values.category !== '' && PUBLICITY_CATEGORIES.includes(values.category);
  return (
    <View className="notice-form e2e-notice-form">
      <FormField name="category" label="类别" required error={errors.category}>
        <OptionPicker
          hook="notice-category"
          title="选择公告类别"
          placeholder="请选择类别"
          options={NOTICE_CATEGORIES.map((c, i) => ({ value: String(i), label: c }))}
          value={values.category ? String(NOTICE_CATEGORIES.indexOf(values.category)) : ''}
          onChange={(v) => set('category', NOTICE_CATEGORIES[Number(v)])}
        />
      </FormField>
      <FormField name="title" label="标题" required error={errors.title}>
        <TextInput className="e2e-input-title" value={values.title} placeholder="2–40 个字" limit={maxLengthOf(noticeContent.shape.title)} onChange={(v) => set('title', v)} />
      </FormField>
      <FormField name="body" label="正文" required error={errors.body}>
        <TextArea className="e2e-input-body" value={values.body} placeholder="公告内容" limit={maxLengthOf(noticeContent.shape.body)} onChange={(v) => set('body', v)} />
      </FormField>
      {isPublicity && (
        <FormField name="publicityDays" label="公示期（天）" hint="到期后自动归档，仍可查阅" error={errors.publicityDays}>
          <TextInput className="e2e-input-publicityDays" type="number" value={values.publicityDays} maxLength={2} onChange={(v) => set('publicityDays', v)} />
        </FormField>
      )}
      <FormField name="pinned" label="置顶" error={errors.pinned}>
        <Switch className="e2e-notice-pinned-switch" ariaLabel="置顶" checked={values.pinned} onChange={(v) => set('pinned', v)} />
      </FormField>
      {errors[FORM_KEY] && <Text className="form-error field-error e2e-error-form">{errors[FORM_KEY]}</Text>}
      <View className="notice-list__actions">
        <AppButton className="e2e-notice-submit" type="primary" block loading={form.submitting} onClick={() => void form.submit()}>
          {editing ? '保存修改' : '发布'}
        </AppButton>
      </View>
    </View>
  );
}
