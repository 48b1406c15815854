import { AppError, ErrorCode, conflict } from '../../src/domain/errors';
import type { Actor } from '../../src/domain/roles';
import { decide, type WishEvent, type WishRelation } from '../../src/domain/wish-machine';
import { updateWishIf, type HistoryEntry, type WishRecord } from '../_shared/repositories/wish.repository';
import { factsOf } from './wish-view';

/** How an entry names who acted, for anyone to read. */
export function actorLabel(relations: readonly WishRelation[]): string {
  if (relations.includes('staff') && !relations.includes('claimant') && !relations.includes('poster')) return '社区工作人员';
  if (relations.includes('claimant')) return '认领人';
  if (relations.includes('poster')) return '心愿发布人';
  return '用户';
}

/** Throws the machine's refusal as the error the client shows. */
export function assertAllowed(wish: WishRecord, event: WishEvent, relations: WishRelation[], now: Date) {
  const decision = decide(factsOf(wish), event, relations, now);
  if (!decision.ok) throw new AppError(ErrorCode[decision.code], decision.message);
  return decision.to;
}

/**
 * Applies one transition the machine allows, as a conditional write on the version the caller read: a concurrent
 * change makes it fail rather than overwrite.
 */
export async function moveWish(
  wish: WishRecord,
  event: WishEvent,
  who: { actor: Actor; relations: WishRelation[] },
  now: Date,
  changes: Record<string, unknown>,
  reason?: string,
): Promise<WishRecord> {
  const to = assertAllowed(wish, event, who.relations, now);
  const entry: HistoryEntry = {
    event,
    from: wish.status,
    to,
    byOpenid: who.actor.openid,
    byLabel: actorLabel(who.relations),
    at: now,
    ...(reason ? { reason } : {}),
  };
  const updated = await updateWishIf(wish._id, { status: wish.status, version: wish.version }, { status: to, ...changes }, entry);
  if (!updated) throw conflict('心愿状态已变化，请刷新后重试');
  return updated;
}
