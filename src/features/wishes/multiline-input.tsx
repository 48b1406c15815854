import { TextArea } from '@nutui/nutui-react-taro';

/** Multi-line text (NutUI TextArea) with a counter; tests fill the inner textarea, e.g. `.e2e-input-story textarea`. */
export function MultilineInput({ value, onChange, placeholder, maxLength, className }: { value: string; onChange: (v: string) => void; placeholder?: string; maxLength: number; className?: string }) {
  return <TextArea className={`wish-form__textarea ${className ?? ''}`} value={value} placeholder={placeholder} maxLength={maxLength} showCount autoSize onChange={(v) => onChange(v)} />;
}
