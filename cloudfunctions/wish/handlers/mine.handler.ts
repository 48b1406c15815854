import { wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type MyWishesView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { listHeldBy, listPostedBy, listProposedTo } from '../../_shared/repositories/wish.repository';
import { holderKeysOf } from '../../../src/domain/wish.policy';
import { photoUrlsFor, toDetail } from '../wish-view';

/** 我的心愿 / 我的认领: what I posted, what I (or my unit) hold, and wishes staff proposed to me. */
export const mine = defineAction({
  schema: wishActions.mine,
  access: 'user',
  async handler(_input, ctx): Promise<MyWishesView> {
    const actor = await ctx.actor();
    const keys = holderKeysOf(actor);
    const [posted, held, proposed] = await Promise.all([listPostedBy(ctx.openid), listHeldBy(keys), listProposedTo(keys)]);
    const urls = await photoUrlsFor([...posted, ...held, ...proposed], { openid: ctx.openid, isStaff: false });
    const now = ctx.now();
    const view = (list: typeof posted) => list.map((w) => toDetail(w, actor, wishRelations(actor, w), now, urls));
    return { posted: view(posted), claims: view(held), proposals: view(proposed) };
  },
});
