import { isSignedIn } from '../../../src/domain/policy';
import { notFound } from '../../../src/domain/errors';
import { userActions, type CommunityView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity, toCommunityView } from '../../_shared/repositories/community.repository';
import { setUserCommunity } from '../../_shared/repositories/user.repository';

/** The community the person lives in: what 首页 shows and where notices come from. */
export const setHomeCommunity = defineAction({
  schema: userActions.setHomeCommunity,
  access: 'user',
  authorize: isSignedIn,
  async handler(input, ctx): Promise<CommunityView> {
    const community = await findCommunity(input.communityId);
    if (!community) throw notFound('社区不存在，请重新选择');
    await setUserCommunity(ctx.openid, community._id);
    return toCommunityView(community);
  },
});
