import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { QA_CATEGORIES, QUESTION_PHOTO_MAX, askInput, type QaCategory, type QuestionView } from '@/domain/question.schema';
import { FORM_KEY } from '@/lib/field-errors';
import { askToNotify } from '@/lib/subscribe-message';
import { useSchemaForm } from '@/lib/use-schema-form';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { TextInput } from '@/components/text-input';
import { TextArea } from '@/components/text-area';
import { maxLengthOf } from '@/domain/validation';
import { toastInfo } from '@/components/toast';
import { PhotoField } from './photo-field';
import './qa.scss';
import { call } from '@/lib/cloud';

const FIELDS = ['title', 'content', 'category', 'photos', 'isPublic', 'askerName'] as const;

interface Values extends Record<string, unknown> {
  title: string;
  content: string;
  category: QaCategory | '';
  photos: string[];
  isPublic: boolean;
  askerName: string;
}

const empty = (): Values => ({ title: '', content: '', category: '', photos: [], isPublic: true, askerName: '' });

/** 我要提问: to the community the person lives in; the deadline is shown as soon as it is sent. */
export function AskForm({ communityName, onAsked }: { communityName: string; onAsked: (q: QuestionView) => void }) {
  const form = useSchemaForm({
    initial: empty,
    schema: askInput,
    fields: FIELDS,
    toInput: (v: Values) => ({ ...v, category: v.category || undefined }),
    submit: (data, requestId) => call('qa', 'ask', { ...data, requestId: requestId }),
    onDone: onAsked,
    onFail: toastInfo,
  });
  const { values, set, errors } = form;
  return (
    <View className="ask-form e2e-ask-form">
      <FormField name="target" label="提问对象">
        <Text className="ask-form__target">{`${communityName}党组织`}</Text>
      </FormField>
      <FormField name="category" label="问题类别" required error={errors.category}>
        <OptionPicker
          hook="qa-category"
          title="选择问题类别"
          placeholder="请选择类别"
          options={QA_CATEGORIES.map((c, i) => ({ value: String(i), label: `${c.name}（${c.answerDays} 个工作日内答复）` }))}
          value={values.category ? String(QA_CATEGORIES.findIndex((c) => c.name === values.category)) : ''}
          onChange={(v) => set('category', QA_CATEGORIES[Number(v)].name)}
        />
      </FormField>
      <FormField name="title" label="标题" required error={errors.title}>
        <TextInput className="e2e-input-title" value={values.title} placeholder="一句话说明问题（4–40 字）" limit={maxLengthOf(askInput.shape.title)} onChange={(v) => set('title', v)} />
      </FormField>
      <FormField name="content" label="问题内容" required error={errors.content}>
        <TextArea className="e2e-input-content" value={values.content} placeholder="请写清时间、地点和经过（10–1000 字）" limit={maxLengthOf(askInput.shape.content)} onChange={(v) => set('content', v)} />
      </FormField>
      <FormField name="photos" label="照片" hint={`最多 ${QUESTION_PHOTO_MAX} 张`} error={errors.photos}>
        <PhotoField hook="qa-photos" value={values.photos} max={QUESTION_PHOTO_MAX} onChange={(v) => set('photos', v)} />
      </FormField>
      <FormField name="askerName" label="称呼" hint="选填，公开时显示为 张*" error={errors.askerName}>
        <TextInput className="e2e-input-askerName" value={values.askerName} placeholder="如：张先生" limit={maxLengthOf(askInput.shape.askerName)} onChange={(v) => set('askerName', v)} />
      </FormField>
      <FormField name="isPublic" label="答复后公开" hint="公开时隐去您的姓名" error={errors.isPublic}>
        <Switch className="e2e-qa-public-switch" ariaLabel="答复后公开" checked={values.isPublic} onChange={(v) => set('isPublic', v)} />
      </FormField>
      {errors[FORM_KEY] && <Text className="form-error field-error e2e-error-form">{errors[FORM_KEY]}</Text>}
      <BottomBar>
        <AppButton
          className="e2e-submit-question"
          type="primary"
          block
          loading={form.submitting}
          onClick={() => {
            void askToNotify(['questionAnswered']);
            void form.submit();
          }}
        >
          提交问题
        </AppButton>
      </BottomBar>
    </View>
  );
}
