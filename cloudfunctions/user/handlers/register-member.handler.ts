import { notFound } from '../../../src/domain/errors';
import { isSignedIn } from '../../../src/domain/policy';
import { userActions, type MemberProfileView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { findUnit } from '../../_shared/repositories/unit.repository';
import { saveMemberProfile } from '../../_shared/repositories/user.repository';
import { toMemberView } from '../member-view';

/** Register as 在职党员, or update one's own profile. */
export const registerMember = defineAction({
  schema: userActions.registerMember,
  access: 'user',
  authorize: isSignedIn,
  idempotent: true,
  async handler(input, ctx): Promise<MemberProfileView> {
    const [unit, user] = await Promise.all([findUnit(input.workUnitId), ctx.user()]);
    if (!unit) throw notFound('所选工作单位不存在，请重新选择');
    const at = ctx.now();
    const member = {
      name: input.name,
      phone: input.phone,
      workUnitId: unit._id,
      workUnitName: unit.name,
      partyBranch: input.partyBranch,
      skills: input.skills,
      registeredAt: user?.member?.registeredAt ?? at,
      updatedAt: at,
    };
    await saveMemberProfile(ctx.openid, member);
    return toMemberView({ _id: ctx.openid, openid: ctx.openid, communityId: user?.communityId ?? null, grants: user?.grants ?? [], createdAt: at, member }, true);
  },
});
