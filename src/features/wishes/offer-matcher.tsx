import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { OfferView } from '@/domain/wish-offer.schema';
import type { WishCardView } from '@/domain/wish.schema';
import { AppButton } from '@/components/app-button';
import { OptionPicker } from '@/components/option-picker';
import { toastInfo } from '@/components/toast';
import { useAction } from '@/lib/use-action';

const STATUS = { open: '待匹配', proposed: '待对方确认', matched: '已认领' } as const;

/** Offers of help, and for each open one a published wish to propose; the offerer accepts by claiming. */
export function OfferMatcher({ offers, wishes, onChanged }: { offers: OfferView[]; wishes: WishCardView[]; onChanged: () => void }) {
  const [picked, setPicked] = useState<Record<string, string>>({});
  const { run } = useAction();
  const assign = async (offerId: string) => {
    const wishId = picked[offerId];
    if (!wishId) return toastInfo('请先选择要匹配的心愿');
    if (await run('wish', 'assign', { wishId, offerId }, { done: '已推送给对方确认' })) onChanged();
  };
  if (offers.length === 0) return <Text className="wish-empty-note">暂无认领意向</Text>;
  return (
    <View className="e2e-offer-list">
      {offers.map((o) => (
        <View key={o.id} className="wish-card">
          <View className="wish-card__body">
            <Text className="wish-card__title">{o.helper}</Text>
            <View className="wish-card__meta">
              {o.ways.map((w) => (
                <Text key={w} className="wish-tag wish-tag--muted">
                  {w}
                </Text>
              ))}
              <Text className="wish-tag">{STATUS[o.status]}</Text>
            </View>
            <Text className="wish-card__story">{o.note}</Text>
            {o.status === 'open' && (
              <View className="wish-detail__line">
                <OptionPicker hook={`match-${o.id}`} title="选择心愿" options={wishes.map((w) => ({ value: w.id, label: w.title }))} value={picked[o.id] ?? ''} onChange={(v) => setPicked((p) => ({ ...p, [o.id]: v }))} />
                <AppButton className="e2e-assign" size="mini" type="primary" onClick={() => void assign(o.id)}>
                  匹配
                </AppButton>
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
