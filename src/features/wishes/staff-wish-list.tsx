import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffWishRow } from '@/domain/wish.schema';
import { formatDay, formatMinute, URGENCY_LABELS } from './wish-format';
import { wishDetailUrl } from '@/routes';
import { PhoneLink } from '@/components/phone-link';

const URGENCY_CLASS = { ok: 'wish-tag--ok', 'due-soon': 'wish-tag--warn', overdue: '' } as const;

/** Staff rows: the beneficiary's contact for follow-up, the content flag, the claim's urgency. Tap → detail with the staff actions. */
export function StaffWishList({ items, mode }: { items: StaffWishRow[]; mode: 'review' | 'chase' }) {
  return (
    <View className={`e2e-staff-${mode}-list`}>
      {items.map((w) => (
        <View key={w.id} className={`wish-card e2e-staff-row e2e-staff-row-${w.id}`} onClick={() => void Taro.navigateTo({ url: wishDetailUrl(w.id) })}>
          <View className="wish-card__body">
            <Text className="wish-card__title">{w.title}</Text>
            <View className="wish-card__meta">
              <Text className="wish-tag">{w.category}</Text>
              {w.contentFlag && <Text className="wish-tag wish-tag--warn e2e-content-flag">内容需复核</Text>}
              {w.claim && mode === 'chase' && <Text className={`wish-tag ${URGENCY_CLASS[w.claim.urgency]} e2e-urgency`}>{URGENCY_LABELS[w.claim.urgency]}</Text>}
              {w.contact && (
                <View className="wish-card__contact">
                  <Text>{w.contact.name}</Text>
                  <PhoneLink phone={w.contact.phone} />
                </View>
              )}
              <Text>{w.communityName}</Text>
            </View>
            <View className="wish-card__meta">
              {mode === 'review' ? (
                <Text>提交于 {formatMinute(w.createdAt)}</Text>
              ) : (
                w.claim && (
                  <View className="wish-card__contact">
                    <Text>{w.claim.helper}</Text>
                    {w.claim.helperContact && <PhoneLink phone={w.claim.helperContact} />}
                    <Text>
                      {` · 期限 ${formatDay(w.claim.deadline)}`}
                      {w.claim.reminded ? ' · 已提醒' : ''}
                    </Text>
                  </View>
                )
              )}
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
