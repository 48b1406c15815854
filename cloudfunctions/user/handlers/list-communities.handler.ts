import { distanceMeters } from '../../../src/domain/geo';
import { userActions, type CommunityView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listCommunities as listCommunityRecords, toCommunityView } from '../../_shared/repositories/community.repository';

/** Public: anyone choosing where they live. Nearest first when the caller gives a point. */
export const listCommunities = defineAction({
  schema: userActions.listCommunities,
  access: 'public',
  async handler(input): Promise<{ items: CommunityView[] }> {
    const items = (await listCommunityRecords()).map(toCommunityView);
    if (input.latitude === undefined || input.longitude === undefined) {
      return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
    }
    const here = { latitude: input.latitude, longitude: input.longitude };
    return {
      items: items.map((c) => ({ ...c, distance: Math.round(distanceMeters(here, c)) })).sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0)),
    };
  },
});
