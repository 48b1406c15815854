import { checkinStanding } from '../../../src/domain/checkin-term';
import { checkinActions, type CheckinView, type RosterEntry } from '../../../src/domain/checkin.schema';
import { conflict, notFound } from '../../../src/domain/errors';
import { reviewFields } from '../../../src/domain/review';
import { canManageCheckins, canReviewCheckin } from '../../../src/domain/checkin.policy';
import { toTotalsView } from '../../../src/domain/service-record';
import { defineAction } from '../../_shared/define-function';
import { sendNotice } from '../../_shared/notice';
import { findCurrentCheckin, listCheckinsOfCommunity, updateCheckinIf } from '../../_shared/repositories/checkin.repository';
import { findSummaries } from '../../_shared/repositories/service-log.repository';
import { bumpCounters } from '../../_shared/repositories/stat-counter.repository';
import { incrementsOf } from '../../../src/domain/stat-counters';
import { setUserCommunity } from '../../_shared/repositories/user.repository';
import { toCheckinView } from '../checkin-view';
import { reviewerName } from '../member';

export const pendingCheckins = defineAction({
  schema: checkinActions.pendingCheckins,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input, ctx): Promise<{ items: CheckinView[] }> {
    const now = ctx.now();
    return { items: (await listCheckinsOfCommunity(input.communityId, 'pending')).map((c) => toCheckinView(c, now)) };
  },
});

/** Staff confirm a pending 报到, or send it back with a reason the member sees. */
export const reviewCheckin = defineAction({
  schema: checkinActions.reviewCheckin,
  access: 'user',
  async load(input) {
    const current = await findCurrentCheckin(input.memberOpenid);
    if (!current) throw notFound('没有找到该党员的报到');
    return current;
  },
  authorize: canReviewCheckin,
  async handler(input, ctx, current): Promise<CheckinView> {
    const at = ctx.now();
    const fields = reviewFields(input.decision, { openid: ctx.openid, name: await reviewerName(ctx), at }, input.reason ?? '');
    if (!(await updateCheckinIf(current.openid, current, fields))) throw conflict('该报到刚刚发生变化，请刷新后重试');
    // A confirmed 报到 is the member's community: 首页, 我的社区 and the wish wall read it from the person.
    if (input.decision === 'confirm') await setUserCommunity(current.openid, current.communityId);
    const place = { communityId: current.communityId, communityName: current.communityName, unitId: current.workUnitId || null };
    await bumpCounters(incrementsOf({ kind: 'checkinReviewed', at, place, confirmed: input.decision === 'confirm' }));
    await sendNotice('checkinReviewed', {
      touser: current.openid,
      page: 'pages/checkin/index',
      data:
        input.decision === 'confirm'
          ? { thing1: current.communityName, phrase2: '已确认', thing3: '报到已确认，欢迎参加社区服务' }
          : { thing1: current.communityName, phrase2: '已退回', thing3: input.reason || '请查看原因后重新报到' },
    });
    return toCheckinView({ ...current, ...fields, version: current.version + 1 }, at);
  },
});

/** The community's reported members with their confirmed hours (two reads: the roll, then their totals). */
export const roster = defineAction({
  schema: checkinActions.roster,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input, ctx): Promise<{ items: RosterEntry[] }> {
    const now = ctx.now();
    const members = await listCheckinsOfCommunity(input.communityId, 'confirmed');
    const summaries = new Map((await findSummaries(members.map((m) => m.openid))).map((s) => [s._id, s]));
    return {
      items: members.map((m) => {
        const totals = toTotalsView(summaries.get(m.openid));
        return {
          memberOpenid: m.openid,
          memberName: m.memberName,
          workUnitName: m.workUnitName,
          partyBranch: m.partyBranch,
          reportedAt: new Date(m.reportedAt).toISOString(),
          validUntil: new Date(m.validUntil).toISOString(),
          standing: checkinStanding(m, now),
          confirmedHours: totals.hours,
          activities: totals.activities,
        };
      }),
    };
  },
});
