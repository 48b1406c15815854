import { callFunction } from '@/lib/cloud';
import type { CommunityView } from '@/domain/user.schema';
import type { Point } from '@/lib/location';

export const listCommunities = (point?: Point) =>
  callFunction<{ items: CommunityView[] }>('user', 'listCommunities', point ? { latitude: point.latitude, longitude: point.longitude } : {}).then((r) => r.items);

export const setHomeCommunity = (communityId: string) => callFunction<CommunityView>('user', 'setHomeCommunity', { communityId });
