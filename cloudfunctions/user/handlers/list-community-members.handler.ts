import { canSeeMemberPhone } from '../../../src/domain/permissions';
import { userActions, type MemberProfileView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listMembersOfCommunity } from '../../_shared/repositories/user.repository';
import { toMemberView } from '../member-view';

/** Members living in a community; names and phones masked for everyone but that community's staff. */
export const listCommunityMembers = defineAction({
  schema: userActions.listCommunityMembers,
  access: 'user',
  async handler(input, ctx): Promise<{ items: MemberProfileView[] }> {
    const [actor, users] = await Promise.all([ctx.actor(), listMembersOfCommunity(input.communityId)]);
    return {
      items: users.flatMap((u) => (u.member ? [toMemberView({ ...u, member: u.member }, canSeeMemberPhone(actor, u))] : [])),
    };
  },
});
