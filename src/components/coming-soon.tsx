import { Text, View } from '@tarojs/components';
import './coming-soon.scss';

/** A plain, honest placeholder for an area not built yet. */
export function ComingSoon({ area, note }: { area: string; note?: string }) {
  return (
    <View className="coming-soon e2e-coming-soon">
      <View className="coming-soon__badge">建设中</View>
      <Text className="coming-soon__title">{`${area}功能即将上线`}</Text>
      {note && <Text className="coming-soon__note">{note}</Text>}
    </View>
  );
}
