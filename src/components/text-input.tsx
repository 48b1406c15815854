import { Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { CharCount } from './char-count';

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  /** A length cap without a counter (codes, dates, numbers). */
  maxLength?: number;
  /**
   * The field's length limit as its schema declares it (`maxLengthOf(schema.shape.title)`): caps the input and shows
   * 「已输入 n/limit 字」, so text is never cut off without notice.
   */
  limit?: number;
  /** Test hook on the wrapper; tests fill the inner <input>, e.g. `.e2e-input-name input`. */
  className?: string;
  disabled?: boolean;
}

/** Single-line text entry (NutUI Input). */
export function TextInput({ value, onChange, placeholder, type = 'text', maxLength = 140, limit, className, disabled }: TextInputProps) {
  const cap = limit ?? maxLength;
  const input = (
    <Input
      className={`text-input ${className ?? ''}`}
      value={value}
      type={type}
      placeholder={placeholder}
      maxLength={cap}
      disabled={disabled}
      clearable={!disabled}
      // A pasted text can pass a platform's maxlength: keep what fits, and the counter shows the limit is reached.
      onChange={(v) => onChange(v.length > cap ? v.slice(0, cap) : v)}
    />
  );
  if (limit === undefined) return input;
  return (
    <View className="text-input-counted">
      {input}
      <CharCount length={value.length} limit={limit} />
    </View>
  );
}
