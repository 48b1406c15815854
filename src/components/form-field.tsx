import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './form-field.scss';

export interface FormFieldProps {
  /** Field key: also the test hooks `e2e-field-<name>` and `e2e-error-<name>`. */
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** Label, control, and the field's own message underneath. */
export function FormField({ name, label, required, hint, error, children }: FormFieldProps) {
  return (
    <View className={`form-field e2e-field-${name}${error ? ' form-field--invalid' : ''}`}>
      <View className="form-field__label">
        {required && <Text className="form-field__required">*</Text>}
        <Text>{label}</Text>
        {hint && <Text className="form-field__hint">{hint}</Text>}
      </View>
      <View className="form-field__control">{children}</View>
      {error && <Text className={`form-field__error field-error e2e-error-${name}`}>{error}</Text>}
    </View>
  );
}
