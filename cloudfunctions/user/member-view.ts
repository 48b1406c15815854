import { maskName, maskPhone } from '../../src/domain/masking';
import type { MemberProfileView } from '../../src/domain/user.schema';
import type { UserRecord } from '../_shared/repositories/user.repository';

/** A member as someone else sees them: phone and name masked unless the viewer may see them. */
export function toMemberView(user: UserRecord & { member: NonNullable<UserRecord['member']> }, reveal: boolean): MemberProfileView {
  const m = user.member;
  return {
    openid: user.openid,
    name: reveal ? m.name : maskName(m.name),
    phone: reveal ? m.phone : maskPhone(m.phone),
    workUnitId: m.workUnitId,
    workUnitName: m.workUnitName,
    partyBranch: m.partyBranch,
    ...(m.branchId ? { branchId: m.branchId } : {}),
    skills: m.skills,
    registeredAt: new Date(m.registeredAt).toISOString(),
  };
}
