import type { Actor } from '../../src/domain/roles';
import { hasStarScopes, starWorkItems, starWorkScopes, type StarWorkItem } from '../../src/domain/star-work';
import { listLedOrGranted } from './repositories/organisation.repository';
import { listStarWork } from './repositories/star.repository';

/**
 * The caller's 五星创评 to-do list of a year (src/domain/star-work.ts): the nodes they lead, then one query over the
 * assessments in their scopes; none when they have no 党组织工作 (grants are known without a read).
 */
export async function starWorkOf(actor: Actor, year: number): Promise<StarWorkItem[]> {
  const led = await listLedOrGranted(actor.openid, []);
  const scopes = starWorkScopes(actor, led);
  if (!hasStarScopes(scopes)) return [];
  return starWorkItems(await listStarWork(year, scopes), scopes);
}
