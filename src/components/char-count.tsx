import { Text } from '@tarojs/components';
import './char-count.scss';

/** Within this many characters of the limit the counter turns to the warning colour. */
const nearLimit = (limit: number) => Math.max(2, Math.ceil(limit * 0.1));

/** 「已输入 n/limit 字」 under a limited field; warns near the limit so nobody is cut off without notice. */
export function CharCount({ length, limit }: { length: number; limit: number }) {
  const state = length >= limit ? 'full' : limit - length <= nearLimit(limit) ? 'near' : 'ok';
  return (
    <Text className={`char-count char-count--${state} e2e-char-count`} aria-live="polite">
      {state === 'full' ? `已输入 ${length}/${limit} 字，已达上限` : `已输入 ${length}/${limit} 字`}
    </Text>
  );
}
