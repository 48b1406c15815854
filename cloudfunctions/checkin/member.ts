import { forbidden } from '../../src/domain/errors';
import { NOT_A_MEMBER_MESSAGE } from '../../src/domain/permissions';
import { findUser, type UserRecord } from '../_shared/repositories/user.repository';

export type MemberUser = UserRecord & { member: NonNullable<UserRecord['member']> };

/** The caller's own document with their member profile: the profile is snapshotted into what they create. */
export async function requireMember(openid: string): Promise<MemberUser> {
  const user = await findUser(openid);
  if (!user?.member) throw forbidden(NOT_A_MEMBER_MESSAGE);
  return user as MemberUser;
}

/** How a reviewer is named on the records they sign: their member name, else their role. */
export async function reviewerName(openid: string): Promise<string> {
  const user = await findUser(openid);
  return user?.member?.name ?? '社区工作人员';
}
