import { groupForReviewReminder, pledgeReviewReminderYear } from '../../../src/domain/pledge';
import type { TimerContext } from '../../_shared/define-function';
import { findOrgs } from '../../_shared/repositories/organisation.repository';
import { LIST_LIMIT, listUnratedPage, type PledgeRecord } from '../../_shared/repositories/pledge.repository';
import { claimReminderKey, personKey } from '../../_shared/repositories/reminder-log.repository';
import { remindSecretaryToRate, tellMemberOfReview } from '../pledge-notify';
import { remindProjectMilestones } from './project.handler';

/** A year's unrated pledges, walked page by page (a year of a city's members is a few thousand at most). */
async function allUnrated(year: number): Promise<PledgeRecord[]> {
  const out: PledgeRecord[] = [];
  for (let afterId = ''; ; ) {
    const page = await listUnratedPage(year, afterId);
    out.push(...page);
    if (page.length < LIST_LIMIT) return out;
    afterId = page[page.length - 1]._id;
  }
}

/**
 * 评诺 at year end: from 1 December, each branch secretary hears once how many of the year's approved pledges wait
 * for a rating, and each member once that theirs will be rated. The claim of a reminder's key comes before its send,
 * so a second run (the next day, a retried timer) sends nothing twice.
 */
export async function remindPledgeReviews(ctx: TimerContext): Promise<{ secretaries: number; members: number }> {
  const now = ctx.now();
  const year = pledgeReviewReminderYear(now);
  if (year === null) return { secretaries: 0, members: 0 };
  const { branches, members } = groupForReviewReminder(await allUnrated(year));
  const orgs = await findOrgs([...branches.keys()]);
  let secretaries = 0;
  for (const branch of orgs) {
    const secretary = branch.secretaryOpenid;
    if (!secretary || !(await claimReminderKey(`pledge-review-${year}-b-${branch._id}-${personKey(secretary)}`, now))) continue;
    if ((await remindSecretaryToRate(secretary, branch, year, branches.get(branch._id)?.length ?? 0)).sent) secretaries++;
  }
  let told = 0;
  for (const [openid, pledges] of members) {
    if (!(await claimReminderKey(`pledge-review-${year}-m-${personKey(openid)}`, now))) continue;
    if ((await tellMemberOfReview(pledges, year)).sent) told++;
  }
  return { secretaries, members: told };
}

/** The org function's one timer (WeChat DevTools accepts one per function), daily at 09:00. */
export async function dailyReminders(ctx: TimerContext) {
  const milestones = await remindProjectMilestones(ctx);
  const pledges = await remindPledgeReviews(ctx);
  return { milestones, pledges };
}
