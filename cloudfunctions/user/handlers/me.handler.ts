import { rolesOf } from '../../../src/domain/roles';
import { userActions, type MeView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity, toCommunityView } from '../../_shared/repositories/community.repository';
import { leadsAnyNode } from '../../_shared/repositories/organisation.repository';
import { findUser } from '../../_shared/repositories/user.repository';
import { uploadKeyOf } from '../../_shared/signing';
import { toMemberView } from '../member-view';

export const me = defineAction({
  schema: userActions.me,
  access: 'user',
  async handler(_input, ctx): Promise<MeView> {
    const [user, leadsOrg] = await Promise.all([findUser(ctx.openid), leadsAnyNode(ctx.openid)]);
    const community = user?.communityId ? await findCommunity(user.communityId) : null;
    const grants = user?.grants ?? [];
    return {
      openid: ctx.openid,
      uploadKey: uploadKeyOf(ctx.openid),
      roles: rolesOf({ openid: ctx.openid, isMember: Boolean(user?.member), communityId: user?.communityId ?? null, grants }),
      grants,
      profile: user?.member ? toMemberView({ ...user, member: user.member }, true) : null,
      community: community ? toCommunityView(community) : null,
      leadsOrg,
    };
  },
});
