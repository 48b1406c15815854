import type { TimerContext } from '../../_shared/define-function';
import { reconcileOpenClaims } from '../../_shared/repositories/claim.repository';

/** Timer (cloudbaserc.json: every 10 minutes): open-claim counters recomputed from the wishes they count. */
export async function reconcileClaimCounters(ctx: TimerContext): Promise<{ checked: number; fixed: number }> {
  return reconcileOpenClaims(ctx.now());
}
