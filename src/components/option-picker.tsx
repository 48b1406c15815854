import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import { ListCell } from './list-cell';
import './option-picker.scss';

export interface PickerOption {
  value: string;
  label: string;
}

export interface OptionPickerProps {
  title: string;
  options: PickerOption[];
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Hooks: trigger `e2e-<hook>-picker`, each option `e2e-<hook>-option` and `e2e-<hook>-option-<value>`. */
  hook: string;
  emptyText?: string;
}

/** Single choice from a list that may grow long: a field that opens a bottom sheet of rows. */
export function OptionPicker({ title, options, value, onChange, placeholder = '请选择', hook, emptyText = '暂无可选项' }: OptionPickerProps) {
  const [open, setOpen] = useState(false);
  const selected = options.find((o) => o.value === value);
  return (
    <>
      <View className={`option-picker__trigger e2e-${hook}-picker`} onClick={() => setOpen(true)}>
        <Text className={selected ? 'option-picker__value' : 'option-picker__placeholder'}>{selected ? selected.label : placeholder}</Text>
        <Text className="option-picker__arrow">›</Text>
      </View>
      <Popup visible={open} position="bottom" round closeable title={title} onClose={() => setOpen(false)}>
        <ScrollView scrollY className="option-picker__list">
          {options.length === 0 && <View className="option-picker__empty">{emptyText}</View>}
          {options.map((o) => (
            <ListCell
              key={o.value}
              className={`e2e-${hook}-option e2e-${hook}-option-${o.value}`}
              title={o.label}
              extra={o.value === value ? '✓' : ''}
              onClick={() => {
                onChange(o.value);
                setOpen(false);
              }}
            />
          ))}
        </ScrollView>
      </Popup>
    </>
  );
}
