import { createHash } from 'node:crypto';
import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { notFound } from '../../../src/domain/errors';
import { canPostWish, wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { checkText } from '../../_shared/content-security';
import { takePostQuota } from '../../_shared/repositories/post-quota.repository';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findWish, insertWish, type HistoryEntry, type WishRecord } from '../../_shared/repositories/wish.repository';
import { assertOwnUploads } from '../../_shared/storage';
import { actorLabel } from '../transition';
import { photoUrlsFor, toDetail, wishPhotoViewer } from '../wish-view';

/** The wish's id from who posted and their request id: a retried post finds the first one instead of posting twice. */
const wishIdFor = (openid: string, requestId: string) => `w${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 24)}`;

/**
 * A resident posts a wish for themselves; staff post on behalf of someone without a phone. Text goes through
 * WeChat's content check first: risky is refused, everything else waits for staff review — except staff's own
 * posts that pass, which they publish as they post.
 */
export const post = defineAction({
  schema: wishActions.post,
  access: 'user',
  async load(input) {
    const community = await findCommunity(input.communityId);
    if (!community) throw notFound('所选社区不存在，请重新选择');
    return { ...community, communityId: community._id };
  },
  authorize: canPostWish,
  async handler(input, ctx, community): Promise<WishDetailView> {
    const actor = await ctx.actor();
    await takePostQuota('wish', ctx.openid, ctx.now(), input.photos.length);
    await assertOwnUploads(ctx.openid, input.photos);
    const verdict = await checkText(ctx.openid, `${input.title}\n${input.story}`, CONTENT_SCENES.forum, ['title', 'story']);
    const id = wishIdFor(ctx.openid, input.requestId);
    const now = ctx.now();
    const publishNow = input.onBehalf && verdict === 'pass';
    const by = { byOpenid: ctx.openid, at: now };
    const history: HistoryEntry[] = [{ event: 'post', from: null, to: 'submitted', byLabel: input.onBehalf ? '社区工作人员代发' : '心愿发布人', ...by }];
    if (publishNow) history.push({ event: 'approve', from: 'submitted', to: 'published', byLabel: actorLabel(['staff'], actor, community), ...by });

    const wish: WishRecord = {
      _id: id,
      title: input.title,
      story: input.story,
      category: input.category,
      beneficiaryType: input.beneficiaryType,
      value: input.value,
      photos: input.photos,
      communityId: community._id,
      communityName: community.name,
      streetId: community.streetId,
      posterOpenid: ctx.openid,
      onBehalf: input.onBehalf,
      beneficiary: { name: input.beneficiaryName, phone: input.beneficiaryPhone },
      status: publishNow ? 'published' : 'submitted',
      version: 0,
      publishAt: now,
      createdAt: now,
      closedAt: null,
      contentFlag: verdict === 'review' ? 'review' : null,
      rejectReason: null,
      campaign: null,
      claim: null,
      proposal: null,
      delivery: null,
      ledger: { posted: publishNow ? 1 : 0, claimed: 0, closed: 0, closedOnTime: 0 },
      history,
    };
    const { created } = await insertWish(wish);
    const stored = created ? wish : ((await findWish(id)) ?? wish);
    return toDetail(stored, actor, wishRelations(actor, stored), now, await photoUrlsFor([stored], wishPhotoViewer(ctx.openid, actor, stored), true));
  },
});
