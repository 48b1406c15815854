import { Text, View } from '@tarojs/components';
import type { CommunityView } from '@/domain/user.schema';
import { AppButton } from '@/components/app-button';
import { communityPlace } from '@/lib/format-distance';
import './community-card.scss';

/** The community one lives in, with a way to change it. */
export function CommunityCard({ community, onChange }: { community: CommunityView; onChange: () => void }) {
  return (
    <View className="community-card e2e-home-community">
      <View className="community-card__main">
        <Text className="community-card__caption">我的社区</Text>
        <Text className="community-card__name e2e-home-community-name">{community.name}</Text>
        <Text className="community-card__address">{communityPlace(community)}</Text>
      </View>
      <AppButton className="community-card__change e2e-change-community" size="mini" fill="outline" onClick={onChange}>
        更换
      </AppButton>
    </View>
  );
}
