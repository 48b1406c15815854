import { Text, View } from '@tarojs/components';
import { CheckedPhoto } from '@/components/checked-photo';
import Taro from '@tarojs/taro';
import type { WishCardView } from '@/domain/wish.schema';
import { formatDay, formatYuan } from './wish-format';
import { wishDetailUrl } from '@/routes';

/** A wish on the wall or the 公示 list: masked, no contact. */
export function WishCard({ wish, showHelper }: { wish: WishCardView; showHelper?: boolean }) {
  const photo = (showHelper ? wish.deliveryPhotoUrls[0] : undefined) ?? wish.photoUrls[0];
  return (
    <View className={`wish-card e2e-wish-card e2e-wish-${wish.id}`} onClick={() => void Taro.navigateTo({ url: wishDetailUrl(wish.id) })}>
      {photo ? <CheckedPhoto className="wish-card__photo" url={photo} mark={wish.photoMarks[photo]} alt="心愿照片" /> : null}
      <View className="wish-card__body">
        <Text className="wish-card__title e2e-wish-title">{wish.title}</Text>
        <Text className="wish-card__story">{wish.story}</Text>
        <View className="wish-card__meta">
          <Text className="wish-tag">{wish.category}</Text>
          {wish.campaign && <Text className="wish-tag wish-tag--warn">{wish.campaign.name}</Text>}
          <Text className="e2e-wish-beneficiary">
            {wish.beneficiaryName}（{wish.beneficiaryType}）
          </Text>
          <Text className="wish-card__value">{formatYuan(wish.value)}</Text>
          <Text>{wish.communityName}</Text>
          {showHelper && wish.helper && <Text className="e2e-wish-helper">帮扶人：{wish.helper}</Text>}
          {showHelper && wish.closedAt && <Text>销号于 {formatDay(wish.closedAt)}</Text>}
        </View>
      </View>
    </View>
  );
}
