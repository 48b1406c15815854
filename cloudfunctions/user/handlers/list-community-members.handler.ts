import { canListCommunityMembers, canSeeMemberPhone } from '../../../src/domain/user.policy';
import { userActions, type MemberProfileView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listCheckinsOfCommunity } from '../../_shared/repositories/checkin.repository';
import { findUsers } from '../../_shared/repositories/user.repository';
import { toMemberView } from '../member-view';

/**
 * 党员名册: the members whose 报到 to the community is confirmed (a confirmed 报到 is the member's community), for
 * that community's staff (and admins) only, who see phones to reach them.
 */
export const listCommunityMembers = defineAction({
  schema: userActions.listCommunityMembers,
  access: 'user',
  authorize: canListCommunityMembers,
  async handler(input, ctx): Promise<{ items: MemberProfileView[] }> {
    const [actor, checkins] = await Promise.all([ctx.actor(), listCheckinsOfCommunity(input.communityId, 'confirmed')]);
    const users = await findUsers(checkins.map((c) => c.openid));
    return {
      items: users.flatMap((u) => (u.member ? [toMemberView({ ...u, member: u.member }, canSeeMemberPhone(actor, u))] : [])),
    };
  },
});
