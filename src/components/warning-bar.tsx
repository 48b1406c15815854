import { Text } from '@tarojs/components';
import './warning-bar.scss';

/** A standing warning at the top of a staff screen (e.g. a missing holiday table); nothing when there is none. */
export function WarningBar({ text, hook }: { text: string | null | undefined; hook: string }) {
  if (!text) return null;
  return <Text className={`warning-bar e2e-${hook}`}>{text}</Text>;
}
