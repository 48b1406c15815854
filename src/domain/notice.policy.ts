import { canManageCommunity, type Verdict } from './policy';
import type { Actor } from './roles';

/** 社区公告 (docs/authorization.md, area `notice`): anyone reads; that community's staff publish, edit and pin. */

export const canPublishNotice = (actor: Actor, input: { communityId: string }): Verdict =>
  canManageCommunity(actor, input, '只有本社区工作人员可以发布公告');

export const canEditNotice = (actor: Actor, _input: unknown, notice: { communityId: string }): Verdict =>
  canManageCommunity(actor, notice, '只有本社区工作人员可以修改公告');

/** Whether a reader also gets the staff's buttons (edit, pin, publish): the same rule as doing it. */
export const managesNotices = (actor: Actor, target: { communityId: string }): boolean => canPublishNotice(actor, target).ok;
