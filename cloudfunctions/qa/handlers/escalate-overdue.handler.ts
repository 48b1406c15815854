import { AppError } from '../../../src/domain/errors';
import { escalateQuestion, firmDeadlines } from '../../../src/domain/question-machine';
import type { TimerContext } from '../../_shared/define-function';
import { holidayCalendar } from '../../_shared/holiday-calendar';
import { listOverdueToEscalate, listProvisionalDue, saveQuestion } from '../../_shared/repositories/question.repository';
import { settings } from '../settings';

/**
 * Timer (cloudbaserc.json: every 10 minutes). First, 预计 deadlines are computed again with the holiday tables as they
 * are now (read fresh, not from the instance cache), so a table an admin entered makes them firm within one period
 * and before anything is escalated by them; a bounded batch, nearest deadline first, the next run takes the rest.
 * Then open questions past their deadline are flagged and put before the
 * 街道 above. Each is a conditional write, so a question staff handled meanwhile is left alone, and a run that
 * overlaps another escalates nothing twice.
 */
export async function escalateOverdue(ctx: TimerContext): Promise<{ firmed: number; escalated: number; skipped: number }> {
  const now = ctx.now();
  const firmed = await firmProvisionalDeadlines();
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
  return { firmed, escalated, skipped: due.length - escalated };
}

async function firmProvisionalDeadlines(): Promise<number> {
  const provisional = await listProvisionalDue(settings().QA_ESCALATION_BATCH);
  if (provisional.length === 0) return 0;
  const calendar = await holidayCalendar({ fresh: true });
  let firmed = 0;
  for (const { _id, ...q } of provisional) {
    const next = firmDeadlines(q, calendar);
    // A question staff changed meanwhile keeps its state; the next run sees it again if it is still provisional.
    if (next && (await saveQuestion(_id, q, next))) firmed += 1;
  }
  return firmed;
}
