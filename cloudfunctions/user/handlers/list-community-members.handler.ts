import { canManageCommunity, canSeeMemberPhone } from '../../../src/domain/permissions';
import { userActions, type MemberProfileView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listMembersOfCommunity } from '../../_shared/repositories/user.repository';
import { toMemberView } from '../member-view';

/** Members living in a community: for that community's staff (and admins) only, who see phones to reach them. */
export const listCommunityMembers = defineAction({
  schema: userActions.listCommunityMembers,
  access: 'user',
  policy: (actor, input) => canManageCommunity(actor, input.communityId),
  deniedMessage: '只有本社区工作人员可以查看社区党员名单',
  async handler(input, ctx): Promise<{ items: MemberProfileView[] }> {
    const [actor, users] = await Promise.all([ctx.actor(), listMembersOfCommunity(input.communityId)]);
    return {
      items: users.flatMap((u) => (u.member ? [toMemberView({ ...u, member: u.member }, canSeeMemberPhone(actor, u))] : [])),
    };
  },
});
