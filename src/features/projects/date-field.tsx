import { Picker, Text, View } from '@tarojs/components';
import './projects.scss';

/** A date chosen from the system's date picker (older users pick, they do not type). */
export function DateField({ value, onChange, hook, start }: { value: string; onChange: (value: string) => void; hook: string; start?: string }) {
  return (
    <Picker mode="date" value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`projects__date e2e-${hook}-date`}>
        <Text>{value || '请选择日期'}</Text>
        <Text>›</Text>
      </View>
    </Picker>
  );
}
