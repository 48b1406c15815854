import { Text, View } from '@tarojs/components';

/**
 * A horizontal bar per item, drawn with plain Views (no canvas, no library): renders the same on weapp and H5, costs
 * nothing in the package, and every bar carries its number as text, so no one has to read a length.
 */
export function BarChart({ title, unit, items }: { title: string; unit: string; items: { label: string; value: number }[] }) {
  const max = Math.max(0, ...items.map((i) => i.value));
  return (
    <View className="bar-chart e2e-bar-chart">
      <Text className="bar-chart__title">{title}</Text>
      {items.map((item) => (
        <View key={item.label} className="bar-chart__row" aria-label={`${item.label} ${item.value}${unit}`}>
          <Text className="bar-chart__label">{item.label}</Text>
          <View className="bar-chart__track">
            <View className="bar-chart__bar" style={{ width: `${max > 0 ? Math.max(2, (item.value / max) * 100) : 0}%` }} />
          </View>
          <Text className="bar-chart__value">{`${item.value}${unit}`}</Text>
        </View>
      ))}
    </View>
  );
}
