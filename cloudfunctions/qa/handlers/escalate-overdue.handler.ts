import { AppError } from '../../../src/domain/errors';
import { escalateQuestion } from '../../../src/domain/question-machine';
import type { TimerContext } from '../../_shared/define-function';
import { listOverdueToEscalate, saveQuestion } from '../../_shared/repositories/question.repository';
import { settings } from '../settings';

/**
 * Timer (cloudbaserc.json: every 10 minutes): open questions past their deadline are flagged and put before the
 * 街道 above. Each is a conditional write, so a question staff handled meanwhile is left alone, and a run that
 * overlaps another escalates nothing twice.
 */
export async function escalateOverdue(ctx: TimerContext): Promise<{ escalated: number; skipped: number }> {
  const now = ctx.now();
  const due = await listOverdueToEscalate(now, settings().QA_ESCALATION_BATCH);
  let escalated = 0;
  for (const { _id, ...q } of due) {
    try {
      if (await saveQuestion(_id, q, escalateQuestion(q, now, 'system'))) escalated += 1;
    } catch (error) {
      // One question in an unexpected state must not stop the rest of the batch.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { escalated, skipped: due.length - escalated };
}
