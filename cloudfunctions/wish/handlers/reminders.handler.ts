import { wishStaffOnly } from '../../../src/domain/wish.policy';
import { wishActions } from '../../../src/domain/wish.schema';
import { defineAction, type TimerContext } from '../../_shared/define-function';
import { listDueReminders, listInScope, setWishFields, type WishRecord } from '../../_shared/repositories/wish.repository';
import { remindClaimant } from '../notify';
import { staffScopeOf } from '../staff-scope';

/** Marks each claim reminded first, so two senders (the daily timer and a staff tap) never remind twice. */
async function remindAll(wishes: WishRecord[], now: Date): Promise<{ reminded: number; sent: number }> {
  let reminded = 0;
  let sent = 0;
  for (const wish of wishes) {
    if (!wish.claim || wish.claim.reminded || new Date(wish.claim.remindAt).getTime() > now.getTime()) continue;
    const mine = await setWishFields(wish._id, { status: 'claimed', 'claim.id': wish.claim.id, 'claim.reminded': false }, { 'claim.reminded': true });
    if (!mine) continue;
    reminded++;
    if ((await remindClaimant(wish)).sent) sent++;
  }
  return { reminded, sent };
}

/** 督办提醒: staff remind every claim in their scope that is past day 7 and not yet reminded. */
export const sendReminders = defineAction({
  schema: wishActions.sendReminders,
  access: 'user',
  authorize: wishStaffOnly('仅社区或团委工作人员可以发送提醒'),
  async handler(input, ctx) {
    const scope = await staffScopeOf(await ctx.actor(), input.communityId);
    return remindAll(await listInScope('claimed', scope, 'claim.deadline', 500), ctx.now());
  },
});

/** Daily timer: the same reminders for every community. */
export async function remindDueClaims(ctx: TimerContext) {
  const now = ctx.now();
  return remindAll(await listDueReminders(now), now);
}
