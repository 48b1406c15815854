import { createHash } from 'node:crypto';
import { campaignActions, type CampaignView } from '../../../src/domain/campaign.schema';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { plannedTimeIssue } from '../../../src/domain/date-ranges';
import { WISH_NOT_FOUND, canAdjustCampaign, canCreateCampaign, wishStaffOnly } from '../../../src/domain/wish.policy';
import { isAdmin } from '../../../src/domain/roles';
import { defineAction, enforce } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findCampaign, insertCampaign, listAllCampaigns, listCampaignsOfStreets, type CampaignRecord } from '../../_shared/repositories/campaign.repository';
import { findWish, setWishFields } from '../../_shared/repositories/wish.repository';

const toView = (c: CampaignRecord, now: Date): CampaignView => ({
  id: c._id,
  name: c.name,
  scopeType: c.scopeType,
  scopeId: c.scopeId,
  scopeName: c.scopeName,
  publishAt: new Date(c.publishAt).toISOString(),
  perPersonLimit: c.perPersonLimit,
  open: new Date(c.publishAt).getTime() <= now.getTime(),
});

/** A league campaign (六一、春节 …): its wishes go on the wall together at `publishAt`. */
export const createCampaign = defineAction({
  schema: campaignActions.createCampaign,
  access: 'user',
  /** The scope with the street it lies in: a street is its own; a community's is read. */
  async load(input) {
    if (input.scopeType !== 'community') return { scopeType: input.scopeType, scopeId: input.scopeId, streetId: input.scopeId, name: null };
    const community = await findCommunity(input.scopeId);
    if (!community) throw notFound('所选社区不存在');
    return { scopeType: input.scopeType, scopeId: input.scopeId, streetId: community.streetId, name: community.name };
  },
  authorize: canCreateCampaign,
  async handler(input, ctx, scope): Promise<CampaignView> {
    const publishIssue = plannedTimeIssue('publishAt', '发布时间', input.publishAt, ctx.now());
    if (publishIssue) throw invalidArgument([publishIssue]);
    const actor = await ctx.actor();
    const { streetId } = scope;
    const scopeName = scope.name ?? actor.grants.find((g) => g.scopeId === input.scopeId)?.scopeName ?? input.scopeId;
    const id = `cp${createHash('sha256').update(`${ctx.openid}\n${input.requestId}`).digest('hex').slice(0, 20)}`;
    const campaign = await insertCampaign({
      _id: id,
      name: input.name,
      scopeType: input.scopeType,
      scopeId: input.scopeId,
      scopeName,
      streetId,
      publishAt: input.publishAt,
      perPersonLimit: input.perPersonLimit,
      createdBy: ctx.openid,
      createdAt: ctx.now(),
    });
    return toView(campaign, ctx.now());
  },
});

export const listCampaigns = defineAction({
  schema: campaignActions.listCampaigns,
  access: 'user',
  authorize: wishStaffOnly('仅社区或团委工作人员可以查看活动'),
  async handler(_input, ctx): Promise<{ items: CampaignView[] }> {
    const actor = await ctx.actor();
    const streets = actor.grants.filter((g) => g.role === 'league_staff' && g.scopeType === 'street').map((g) => g.scopeId);
    const communities = actor.grants.filter((g) => g.scopeType === 'community').map((g) => g.scopeId);
    const list = isAdmin(actor) ? await listAllCampaigns() : await listCampaignsOfStreets(streets, communities);
    return { items: list.map((c) => toView(c, ctx.now())) };
  },
});

/** Puts a wish (not yet claimed) into a campaign: it goes on the wall at the campaign's time, under its limit. */
export const addToCampaign = defineAction({
  schema: campaignActions.addToCampaign,
  access: 'user',
  async handler(input, ctx): Promise<{ wishId: string; campaignId: string; publishAt: string }> {
    const [actor, wish, campaign] = await Promise.all([ctx.actor(), findWish(input.wishId), findCampaign(input.campaignId)]);
    if (!wish) throw notFound(WISH_NOT_FOUND);
    if (!campaign) throw notFound('活动不存在');
    const inScope = campaign.scopeType === 'community' ? wish.communityId === campaign.scopeId : wish.streetId === campaign.scopeId;
    if (!inScope) throw failedPrecondition('该心愿不在活动范围内');
    enforce(canAdjustCampaign(actor, campaign));
    if (!['submitted', 'published'].includes(wish.status)) throw failedPrecondition('只有待审核或待认领的心愿可以加入活动');
    const ok = await setWishFields(
      wish._id,
      { status: wish.status, version: wish.version },
      { campaign: { id: campaign._id, name: campaign.name, perPersonLimit: campaign.perPersonLimit }, publishAt: campaign.publishAt },
    );
    if (!ok) throw conflict('心愿状态已变化，请刷新后重试');
    return { wishId: wish._id, campaignId: campaign._id, publishAt: new Date(campaign.publishAt).toISOString() };
  },
});
