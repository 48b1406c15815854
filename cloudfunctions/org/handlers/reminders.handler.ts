import { groupForReviewReminder, pledgeReviewReminderYear } from '../../../src/domain/pledge';
import { inBatches } from '../../_shared/batches';
import type { TimerContext } from '../../_shared/define-function';
import { findOrgs } from '../../_shared/repositories/organisation.repository';
import { LIST_LIMIT, listUnratedPage, type PledgeRecord } from '../../_shared/repositories/pledge.repository';
import { claimedReminderKeys, claimReminderKey, personKey, releaseReminderKey } from '../../_shared/repositories/reminder-log.repository';
import { NOT_SUBSCRIBED } from '../../_shared/subscribe-message';
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
 * for a rating, and each member once that theirs will be rated. The keys already claimed are read first (a day's
 * rerun costs a read per 500, not an insert each); the claim of a key comes before its send, so a second run (the
 * next day, a retried timer) sends nothing twice. A send that finds no subscription gives its key back: the person
 * who grants one later in December still hears.
 */
export async function remindPledgeReviews(ctx: TimerContext): Promise<{ secretaries: number; members: number }> {
  const now = ctx.now();
  const year = pledgeReviewReminderYear(now);
  if (year === null) return { secretaries: 0, members: 0 };
  const { branches, members } = groupForReviewReminder(await allUnrated(year));
  const orgs = await findOrgs([...branches.keys()]);
  const jobs: { key: string; kind: 'secretary' | 'member'; send: () => Promise<{ sent: boolean; errcode: number }> }[] = [];
  for (const branch of orgs) {
    const secretary = branch.secretaryOpenid;
    if (!secretary) continue;
    const waiting = branches.get(branch._id)?.length ?? 0;
    jobs.push({ key: `pledge-review-${year}-b-${branch._id}-${personKey(secretary)}`, kind: 'secretary', send: () => remindSecretaryToRate(secretary, branch, year, waiting) });
  }
  for (const [openid, pledges] of members) {
    jobs.push({ key: `pledge-review-${year}-m-${personKey(openid)}`, kind: 'member', send: () => tellMemberOfReview(pledges, year) });
  }
  const claimed = await claimedReminderKeys(jobs.map((j) => j.key));
  const open = jobs.filter((j) => !claimed.has(j.key));
  const told = { secretaries: 0, members: 0 };
  await inBatches(open, async (job) => {
    if (!(await claimReminderKey(job.key, now))) return;
    const { sent, errcode } = await job.send();
    if (!sent) {
      if (errcode === NOT_SUBSCRIBED) await releaseReminderKey(job.key);
      return;
    }
    if (job.kind === 'secretary') told.secretaries++;
    else told.members++;
  });
  return told;
}

/** The org function's one timer (WeChat DevTools accepts one per function), daily at 09:00. */
export async function dailyReminders(ctx: TimerContext) {
  const milestones = await remindProjectMilestones(ctx);
  const pledges = await remindPledgeReviews(ctx);
  return { milestones, pledges };
}
