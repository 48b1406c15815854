import { View } from '@tarojs/components';
import { Checkbox } from '@nutui/nutui-react-taro';
import './chip-select.scss';

export interface ChipSelectProps<O extends string> {
  options: readonly O[];
  value: O[];
  onChange: (value: O[]) => void;
  /** Hooks: each chip gets `e2e-<hook>-option` and `e2e-<hook>-<index>`. */
  hook: string;
  max?: number;
  onLimit?: () => void;
}

/** Multi-select as tappable chips (NutUI Checkbox, button shape). Keeps the options' order. */
export function ChipSelect<O extends string>({ options, value, onChange, hook, max, onLimit }: ChipSelectProps<O>) {
  const toggle = (option: O, checked: boolean) => {
    if (checked && !value.includes(option)) {
      if (max !== undefined && value.length >= max) {
        onLimit?.();
        return;
      }
      onChange(options.filter((o) => o === option || value.includes(o)));
    } else if (!checked) {
      onChange(value.filter((v) => v !== option));
    }
  };
  return (
    <View className="chip-select">
      {options.map((option, index) => (
        <Checkbox
          key={option}
          className={`chip-select__chip e2e-${hook}-option e2e-${hook}-${index}${value.includes(option) ? ' is-checked' : ''}`}
          shape="button"
          value={option}
          label={option}
          checked={value.includes(option)}
          onChange={(checked) => toggle(option, checked)}
        />
      ))}
    </View>
  );
}
