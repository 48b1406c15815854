import type { TimerContext } from '../../_shared/define-function';
import { purgeExpired as purge } from '../../_shared/repositories/retention.repository';
import { deleteFiles } from '../../_shared/storage';

/** Timer `purgeExpired` (daily): removes what has passed its retention period (src/domain/retention.ts). */
export const purgeExpired = (ctx: TimerContext) => purge(ctx.now(), deleteFiles);
