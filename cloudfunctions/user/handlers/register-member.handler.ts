import { invalidArgument, notFound } from '../../../src/domain/errors';
import { isSignedIn } from '../../../src/domain/policy';
import { userActions, type MemberProfileView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { unblockClaims } from '../../_shared/repositories/personal-data.repository';
import { findOrg } from '../../_shared/repositories/organisation.repository';
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
    const [unit, user, branch] = await Promise.all([findUnit(input.workUnitId), ctx.user(), input.branchId ? findOrg(input.branchId) : null]);
    if (!unit) throw notFound('所选工作单位不存在，请重新选择');
    if (input.branchId && (!branch || branch.type !== 'branch' || branch.status !== 'active')) {
      throw invalidArgument([{ field: 'branchId', message: '所选党支部不存在或已合并，请重新选择' }]);
    }
    const kept = branch ? undefined : user?.member?.branchId;
    const at = ctx.now();
    const member = {
      name: input.name,
      phone: input.phone,
      workUnitId: unit._id,
      workUnitName: unit.name,
      // Picked from the tree: the node's own name, so a branch is spelled one way everywhere. A profile update that
      // does not pick again keeps the linked branch and its name.
      partyBranch: branch?.name ?? (kept ? (user?.member?.partyBranch ?? input.partyBranch) : input.partyBranch),
      ...(branch ? { branchId: branch._id } : kept ? { branchId: kept } : {}),
      skills: input.skills,
      registeredAt: user?.member?.registeredAt ?? at,
      updatedAt: at,
    };
    await saveMemberProfile(ctx.openid, member);
    // Someone who withdrew (注销) and registers again starts fresh, free to claim.
    if (!user?.member) await unblockClaims(ctx.openid);
    return toMemberView({ _id: ctx.openid, openid: ctx.openid, communityId: user?.communityId ?? null, grants: user?.grants ?? [], createdAt: at, member }, true);
  },
});
