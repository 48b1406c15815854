import { forbidden } from '../../src/domain/errors';
import type { Actor } from '../../src/domain/roles';
import type { ActionContext } from '../_shared/define-function';

export const NOT_STAFF_MESSAGE = '只有本社区的工作人员可以进行此操作';

/** Resource-level check with the loaded document: the named permission, or FORBIDDEN before anything is written. */
export async function requirePermission<R>(ctx: ActionContext, permission: (actor: Actor, resource: R) => boolean, resource: R): Promise<Actor> {
  const actor = await ctx.actor();
  if (!permission(actor, resource)) throw forbidden(NOT_STAFF_MESSAGE);
  return actor;
}
