import { canListCommunityMembers, canSeeMemberPhone } from '../../../src/domain/user.policy';
import { userActions, type MemberProfileView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listMembersOfCommunity } from '../../_shared/repositories/user.repository';
import { toMemberView } from '../member-view';

/** Members living in a community: for that community's staff (and admins) only, who see phones to reach them. */
export const listCommunityMembers = defineAction({
  schema: userActions.listCommunityMembers,
  access: 'user',
  authorize: canListCommunityMembers,
  async handler(input, ctx): Promise<{ items: MemberProfileView[] }> {
    const [actor, users] = await Promise.all([ctx.actor(), listMembersOfCommunity(input.communityId)]);
    return {
      items: users.flatMap((u) => (u.member ? [toMemberView({ ...u, member: u.member }, canSeeMemberPhone(actor, u))] : [])),
    };
  },
});
