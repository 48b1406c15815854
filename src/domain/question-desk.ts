import type { Actor } from './roles';

/**
 * A desk is an organisation's 问政 inbox: `community:<id>`, `unit:<id>`, or `street:<id>` (街道, the level above a
 * community, where overdue questions go). An open question lists the desks it waits on, so one indexed query
 * over that list is a desk's whole inbox.
 */
export type DeskKey = `${'community' | 'unit' | 'street'}:${string}`;

export const deskKey = (type: 'community' | 'unit' | 'street', id: string): DeskKey => `${type}:${id}`;

/** The desks an actor works: community staff of a community or a street, and unit party-organisation admins. */
export function desksOf(actor: Actor): DeskKey[] {
  const keys = new Set<DeskKey>();
  for (const g of actor.grants) {
    if (g.role === 'community_staff' && (g.scopeType === 'community' || g.scopeType === 'street')) keys.add(deskKey(g.scopeType, g.scopeId));
    if (g.role === 'unit_admin' && g.scopeType === 'unit') keys.add(deskKey('unit', g.scopeId));
  }
  return [...keys];
}
