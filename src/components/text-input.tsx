import { Input } from '@nutui/nutui-react-taro';

export interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  maxLength?: number;
  /** Test hook on the wrapper; tests fill the inner <input>, e.g. `.e2e-input-name input`. */
  className?: string;
  disabled?: boolean;
}

/** Single-line text entry (NutUI Input). */
export function TextInput({ value, onChange, placeholder, type = 'text', maxLength = 140, className, disabled }: TextInputProps) {
  return (
    <Input
      className={`text-input ${className ?? ''}`}
      value={value}
      type={type}
      placeholder={placeholder}
      maxLength={maxLength}
      disabled={disabled}
      clearable={!disabled}
      onChange={(v) => onChange(v)}
    />
  );
}
