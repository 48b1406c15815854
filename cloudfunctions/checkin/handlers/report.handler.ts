import { evaluateFence } from '../../../src/domain/checkin-fence';
import { checkinValidUntil, decideReport } from '../../../src/domain/checkin-term';
import { checkinActions, type CheckinView } from '../../../src/domain/checkin.schema';
import { conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { roundForPrivacy } from '../../../src/domain/geo';
import { isRegisteredMember } from '../../../src/domain/checkin.policy';
import { toGcj02 } from '../../../src/domain/checkin-fence';
import { defineAction } from '../../_shared/define-function';
import { cachedCommunity } from '../../_shared/repositories/checkin-community.repository';
import {
  findCurrentCheckin,
  insertCurrentCheckin,
  replaceCurrentCheckin,
  updateCheckinIf,
  type CheckinRecord,
} from '../../_shared/repositories/checkin.repository';
import { toCheckinView } from '../checkin-view';
import { memberOf } from '../member';

/**
 * 报到: scan → location → fence → a pending 报到 for the community to confirm. Two round trips for a first 报到
 * (the member's document, one insert; the community comes from the instance cache).
 */
export const report = defineAction({
  schema: checkinActions.report,
  access: 'user',
  load: (input) => cachedCommunity(input.communityId),
  authorize: isRegisteredMember,
  async handler(input, ctx, community): Promise<CheckinView> {
    const user = await memberOf(ctx);
    if (!community) throw notFound('社区报到码无效或社区不存在，请重新扫描社区张贴的报到码');
    const verdict = evaluateFence(input, { latitude: community.latitude, longitude: community.longitude, radius: community.radius, name: community.name, purpose: '报到' });
    if (!verdict.inside) throw failedPrecondition(verdict.message, { reason: verdict.reason, distance: verdict.distance, radius: community.radius });

    const now = ctx.now();
    const fresh: CheckinRecord = {
      _id: ctx.openid,
      openid: ctx.openid,
      communityId: community._id,
      communityName: community.name,
      memberName: user.member.name,
      workUnitId: user.member.workUnitId,
      workUnitName: user.member.workUnitName,
      partyBranch: user.member.partyBranch,
      status: 'pending',
      reportedAt: now,
      validUntil: checkinValidUntil(now),
      distance: verdict.distance,
      accuracy: Math.round(input.accuracy),
      point: roundForPrivacy(toGcj02(input)),
      reviewedBy: null,
      reviewedByName: null,
      reviewedAt: null,
      rejectReason: null,
      version: 1,
    };
    if (await insertCurrentCheckin(fresh)) return toCheckinView(fresh, now);

    const current = await findCurrentCheckin(ctx.openid);
    if (!current) throw conflict('报到状态刚刚发生变化，请重试');
    const decision = decideReport(current, community._id, now);
    // A repeated scan returns the 报到 that is there instead of starting another.
    if (decision.kind === 'keep') return toCheckinView(current, now);
    const replaced = await replaceCurrentCheckin(current, { ...fresh, version: current.version + 1 }, { status: decision.endStatus, reason: decision.endReason, at: now });
    if (!replaced) throw conflict('报到状态刚刚发生变化，请重试');
    return toCheckinView({ ...fresh, version: current.version + 1 }, now);
  },
});

/** The member's own 报到 and how they stand (due for renewal after half a year). */
export const myCheckin = defineAction({
  schema: checkinActions.myCheckin,
  access: 'user',
  async handler(_input, ctx): Promise<{ checkin: CheckinView | null }> {
    const current = await findCurrentCheckin(ctx.openid);
    return { checkin: current ? toCheckinView(current, ctx.now()) : null };
  },
});

/** The member leaves: the 报到 is withdrawn and stays on record. */
export const withdrawCheckin = defineAction({
  schema: checkinActions.withdrawCheckin,
  access: 'user',
  authorize: isRegisteredMember,
  async handler(_input, ctx): Promise<CheckinView> {
    const current = await findCurrentCheckin(ctx.openid);
    if (!current || (current.status !== 'pending' && current.status !== 'confirmed')) throw failedPrecondition('您当前没有可撤回的报到');
    const fields = { status: 'withdrawn' as const };
    if (!(await updateCheckinIf(ctx.openid, current, fields))) throw conflict('报到状态刚刚发生变化，请刷新后重试');
    return toCheckinView({ ...current, ...fields, version: current.version + 1 }, ctx.now());
  },
});
