import { notFound } from '../../../src/domain/errors';
import type { Actor } from '../../../src/domain/roles';
import { wishRelations } from '../../../src/domain/wish-relations';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { findWish } from '../../_shared/repositories/wish.repository';
import { photoUrlsFor, toDetail } from '../wish-view';

const ANONYMOUS: Actor = { openid: '', isMember: false, communityId: null, grants: [] };

/** One wish as the viewer may see it. Not yet public (under review, rejected, withdrawn, before its campaign): only its poster and staff. */
export const detail = defineAction({
  schema: wishActions.detail,
  access: 'public',
  async handler(input, ctx): Promise<WishDetailView> {
    const [actor, wish] = await Promise.all([ctx.openid ? ctx.actor() : Promise.resolve(ANONYMOUS), findWish(input.wishId)]);
    if (!wish) throw notFound('心愿不存在或已删除');
    const relations = wishRelations(actor, wish);
    const now = ctx.now();
    const isPublic = ['published', 'claimed', 'fulfilled', 'closed'].includes(wish.status) && new Date(wish.publishAt).getTime() <= now.getTime();
    const privileged = relations.includes('poster') || relations.includes('staff') || relations.includes('claimant');
    if (!isPublic && !privileged) throw notFound('心愿不存在或尚未公开');
    return toDetail(wish, actor, relations, now, await photoUrlsFor([wish], true));
  },
});
