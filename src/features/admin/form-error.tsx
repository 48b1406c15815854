import { Text } from '@tarojs/components';

/** A message that belongs to the whole form rather than one field. */
export function FormError({ message, hook }: { message?: string; hook: string }) {
  if (!message) return null;
  return <Text className={`admin-form__error field-error e2e-error-${hook}-form`}>{message}</Text>;
}
