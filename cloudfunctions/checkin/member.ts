import type { ActionContext } from '../_shared/define-function';
import type { UserRecord } from '../_shared/repositories/user.repository';

export type MemberUser = UserRecord & { member: NonNullable<UserRecord['member']> };

/**
 * The caller's own document with their member profile (snapshotted into what they create). Only for actions whose
 * `authorize` is `isRegisteredMember`, which has already refused anyone without a profile; no extra read.
 */
export const memberOf = async (ctx: ActionContext): Promise<MemberUser> => (await ctx.user()) as MemberUser;

/** How a reviewer is named on the records they sign: their member name, else their role. */
export async function reviewerName(ctx: ActionContext): Promise<string> {
  return (await ctx.user())?.member?.name ?? '社区工作人员';
}
