import { View } from '@tarojs/components';
import type { UnitView } from '@/domain/user.schema';
import { useSchemaForm } from '@/lib/use-schema-form';
import { FORM_KEY } from '@/lib/field-errors';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { UNIT_FIELDS, unitFormSchema, type UnitFormValues } from './admin-forms';
import { FormError } from './form-error';
import { call } from '@/lib/cloud';

export function UnitForm({ onCreated }: { onCreated: (u: UnitView) => void }) {
  const form = useSchemaForm({
    initial: (): UnitFormValues => ({ name: '' }),
    schema: unitFormSchema,
    toInput: (v: UnitFormValues) => ({ name: v.name }),
    fields: UNIT_FIELDS,
    submit: (input, requestId) => call('user', 'createUnit', { ...input, requestId }),
    onDone: onCreated,
    onFail: toastInfo,
  });
  return (
    <View className="e2e-admin-unit-form">
      <FormField name="unit-name" label="单位名称" required error={form.errors.name}>
        <TextInput className="e2e-input-unit-name" value={form.values.name} placeholder="如：南昌市直机关某单位" limit={maxLengthOf(unitFormSchema.shape.name)} onChange={(v) => form.set('name', v)} />
      </FormField>
      <FormError message={form.errors[FORM_KEY]} hook="unit" />
      <View className="admin-form__actions">
        <AppButton className="e2e-submit-unit" type="primary" loading={form.submitting} onClick={() => void form.submit()}>
          创建单位
        </AppButton>
      </View>
    </View>
  );
}
