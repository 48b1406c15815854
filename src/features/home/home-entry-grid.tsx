import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { toastComingSoon } from '@/components/toast';
import type { HomeEntry } from './home-entries';
import './home-entry-grid.scss';

function open(entry: HomeEntry) {
  switch (entry.target.kind) {
    case 'page':
      void Taro.navigateTo({ url: entry.target.url });
      return;
    case 'tab':
      void Taro.switchTab({ url: entry.target.url });
      return;
    default:
      toastComingSoon();
  }
}

/** Role-appropriate entries as tiles; a tile for an area not built yet says so on its face. */
export function HomeEntryGrid({ entries }: { entries: HomeEntry[] }) {
  return (
    <View className="entry-grid">
      {entries.map((entry) => (
        <View key={entry.key} className={`entry-grid__tile e2e-entry e2e-entry-${entry.key}`} onClick={() => open(entry)}>
          <Text className="entry-grid__title">{entry.title}</Text>
          <Text className="entry-grid__desc">{entry.description}</Text>
          {entry.target.kind === 'soon' && <Text className="entry-grid__soon">即将上线</Text>}
        </View>
      ))}
    </View>
  );
}
