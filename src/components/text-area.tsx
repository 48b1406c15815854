import { TextArea as NutTextArea } from '@nutui/nutui-react-taro';
import { CharCount } from './char-count';

interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** The field's length limit from its schema (`maxLengthOf(...)`): caps the input and shows the counter. */
  limit: number;
  /** Test hook on the wrapper; tests fill the inner <textarea>, e.g. `.e2e-input-story textarea`. */
  className?: string;
  disabled?: boolean;
}

/** Multi-line text (NutUI TextArea), always limited and counted. */
export function TextArea({ value, onChange, placeholder, limit, className, disabled }: TextAreaProps) {
  return (
    <>
      <NutTextArea
        className={`text-area ${className ?? ''}`}
        value={value}
        placeholder={placeholder}
        maxLength={limit}
        disabled={disabled}
        autoSize
        onChange={(v) => onChange(v.length > limit ? v.slice(0, limit) : v)}
      />
      <CharCount length={value.length} limit={limit} />
    </>
  );
}
