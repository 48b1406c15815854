import { Text, Textarea, View } from '@tarojs/components';
import type { HolidayCalendarView } from '@/domain/user.schema';
import { useSchemaForm } from '@/lib/use-schema-form';
import { FORM_KEY } from '@/lib/field-errors';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { emptyHolidayForm, HOLIDAY_FIELDS, holidayFormSchema, holidayInput, type HolidayFormValues } from './admin-forms';
import { FormError } from './form-error';
import { call } from '@/lib/cloud';

const LINES: Record<'year' | 'title' | 'documentNumber' | 'issuedOn' | 'url', { label: string; placeholder: string; type?: 'digit' }> = {
  year: { label: '年份', placeholder: '如：2027', type: 'digit' },
  title: { label: '通知标题', placeholder: '国务院办公厅关于2027年部分节假日安排的通知' },
  documentNumber: { label: '文号', placeholder: '如：国办发明电〔2026〕7号' },
  issuedOn: { label: '发布日期', placeholder: 'YYYY-MM-DD' },
  url: { label: '通知链接', placeholder: 'https://www.gov.cn/…' },
};

/** 录入节假日: a year's 放假调休 table from the State Council notice, checked like the tables shipped in the code. */
export function HolidayForm({ calendar, onEntered }: { calendar: HolidayCalendarView; onEntered: (view: HolidayCalendarView) => void }) {
  const form = useSchemaForm({
    initial: emptyHolidayForm,
    schema: holidayFormSchema,
    toInput: holidayInput,
    fields: HOLIDAY_FIELDS,
    submit: (input) => call('user', 'enterHolidayTable', input),
    onDone: onEntered,
    onFail: toastInfo,
  });
  const area = (key: 'holidays' | 'adjustedWorkdays', placeholder: string) => (
    <Textarea
      className={`text-area e2e-input-holiday-${key}`}
      value={form.values[key]}
      maxlength={2000}
      placeholder={placeholder}
      onInput={(e) => form.set(key, e.detail.value)}
    />
  );
  return (
    <View className="e2e-admin-holiday-form">
      <View className="admin-holiday__years e2e-holiday-years">
        {calendar.tables.map((t) => (
          <Text key={t.year} className="admin-holiday__year">{`${t.year} 年 · ${t.documentNumber}${t.entered ? '（已录入）' : '（内置）'}`}</Text>
        ))}
      </View>
      {(Object.keys(LINES) as (keyof typeof LINES)[]).map((key) => (
        <FormField key={key} name={`holiday-${key}`} label={LINES[key].label} required>
          <TextInput
            className={`e2e-input-holiday-${key}`}
            value={form.values[key as keyof HolidayFormValues]}
            placeholder={LINES[key].placeholder}
            type={LINES[key].type}
            maxLength={120}
            onChange={(v) => form.set(key as keyof HolidayFormValues, v)}
          />
        </FormField>
      ))}
      <FormField name="holiday-holidays" label="放假安排（每行：节日 开始日期 结束日期）" required>
        {area('holidays', '元旦 2027-01-01 2027-01-03')}
      </FormField>
      <FormField name="holiday-adjusted" label="调休上班（每行：日期 节日）">
        {area('adjustedWorkdays', '2027-02-20 春节')}
      </FormField>
      <FormError message={form.errors.table ?? form.errors[FORM_KEY]} hook="holiday" />
      <View className="admin-form__actions">
        <AppButton className="e2e-submit-holiday" type="primary" loading={form.submitting} onClick={() => void form.submit()}>
          录入节假日安排
        </AppButton>
      </View>
    </View>
  );
}
