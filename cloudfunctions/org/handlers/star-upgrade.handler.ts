import { createHash } from 'node:crypto';
import { conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { shanghaiYear } from '../../../src/domain/shanghai-time';
import { STAR_STATUS_LABELS, effectiveStatus } from '../../../src/domain/star-cycle';
import { quotaRefusal, STAR_LABELS, type Stars } from '../../../src/domain/star-rating';
import { UPGRADE_STATUS_LABELS, upgradeApplyRefusal, upgradeApproveRefusal } from '../../../src/domain/star-upgrade';
import { canApplyStarUpgrade, canDecideStarUpgrade, canManageStarCycle, canReadStarAssessment, examinesStarBranch } from '../../../src/domain/star.policy';
import { starUpgradeActions, type StarUpgradeView } from '../../../src/domain/star.schema';
import { defineAction } from '../../_shared/define-function';
import { findOrg } from '../../_shared/repositories/organisation.repository';
import { listAcceptedInYear } from '../../_shared/repositories/project.repository';
import { cycleStarSet } from '../../_shared/repositories/star.repository';
import { approveUpgrade, findUpgrade, insertUpgrade, listBranchUpgrades, listOrgUpgrades, refuseUpgradeIf, type StarUpgradeRecord } from '../../_shared/repositories/star-upgrade.repository';
import { assertOwnUploads, marksOf, type PhotoViewer, type VisiblePhotos, visiblePhotos } from '../../_shared/storage';
import { tellUpgradeDecided } from '../star-notify';
import { branchAssessment } from './star.handler';

/** 升级增星 between cycles (docs/domain.md "五星创评"): the branch applies, the rating organisation decides. */

const upgradeIdOf = (openid: string, requestId: string) => `su-${createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 20)}`;

/** The evidence of these applications this viewer may see: one read of check states and one of URLs for all. */
const photosFor = (upgrades: StarUpgradeRecord[], viewer: PhotoViewer) => visiblePhotos(upgrades.flatMap((u) => u.evidence), viewer);

const viewOf = (u: StarUpgradeRecord, photos: VisiblePhotos): StarUpgradeView => ({
  id: u._id,
  branchId: u.branchId,
  branchName: u.branchName,
  year: u.year,
  fromStars: u.fromStars,
  toStars: u.toStars,
  reason: u.reason,
  evidence: u.evidence.map((fileId) => ({ fileId, url: photos.urls[fileId] ?? null })),
  photoMarks: marksOf(photos, u.evidence.flatMap((fileId) => (photos.urls[fileId] ? [photos.urls[fileId]] : []))),
  status: u.status,
  statusLabel: UPGRADE_STATUS_LABELS[u.status],
  decisionReason: u.decisionReason,
  at: new Date(u.at).toISOString(),
  decidedAt: u.decidedAt ? new Date(u.decidedAt).toISOString() : null,
});

async function applyResource(input: { branchId: string; year: number }) {
  const [resource, upgrades] = await Promise.all([branchAssessment(input), listBranchUpgrades(input.branchId, input.year)]);
  return { ...resource, upgrades };
}

/** The branch's secretary applies for one more star, with a reason and evidence. */
export const applyStarUpgrade = defineAction({
  schema: starUpgradeActions.apply,
  access: 'user',
  load: applyResource,
  authorize: canApplyStarUpgrade,
  async handler(input, ctx, { record, upgrades }): Promise<{ id: string }> {
    const id = upgradeIdOf(ctx.openid, input.requestId);
    if (upgrades.some((u) => u._id === id)) return { id };
    const refusal = upgradeApplyRefusal(record.status, record.stars, upgrades.some((u) => u.status === 'pending'));
    if (refusal) throw failedPrecondition(refusal);
    if (input.evidence.length > 0) await assertOwnUploads(ctx.openid, input.evidence, 'evidence');
    const from = record.stars as Stars;
    await insertUpgrade({
      _id: id,
      ratingOrgId: record.ratingOrgId,
      year: record.year,
      branchId: record.branchId,
      branchName: record.branchName,
      assessmentId: record._id,
      fromStars: from,
      toStars: (from + 1) as Stars,
      reason: input.reason,
      evidence: input.evidence,
      applicantOpenid: ctx.openid,
      requestId: input.requestId,
      at: ctx.now(),
      status: 'pending',
      decidedBy: null,
      decisionReason: null,
      decidedAt: null,
    });
    return { id };
  },
});

async function decideResource(input: { upgradeId: string }) {
  const upgrade = await findUpgrade(input.upgradeId);
  if (!upgrade) throw notFound('升级申请不存在');
  const resource = await branchAssessment({ branchId: upgrade.branchId, year: upgrade.year });
  return { ...resource, upgrade, applicantOpenid: upgrade.applicantOpenid };
}

/** A project accepted in the rating year or since counts for five stars (the application comes between cycles). */
async function recognisedSince(branchId: string, year: number, now: Date): Promise<boolean> {
  const years = [...new Set([year, shanghaiYear(now)])];
  const found = await Promise.all(years.map((y) => listAcceptedInYear(branchId, y)));
  return found.some((list) => list.length > 0);
}

/**
 * The rating organisation approves (one more star, within the quotas; five stars need a recognised innovation
 * project) or refuses with a reason. The step stays in the branch's history beside 摘星.
 */
export const decideStarUpgrade = defineAction({
  schema: starUpgradeActions.decide,
  access: 'user',
  load: decideResource,
  authorize: canDecideStarUpgrade,
  async handler(input, ctx, { record, upgrade }): Promise<{ status: string }> {
    if (upgrade.status !== 'pending') throw failedPrecondition('该申请已审批');
    const now = ctx.now();
    const decision = { decidedBy: ctx.openid, decisionReason: input.reason, decidedAt: now };
    if (input.decision === 'refuse') {
      if (!(await refuseUpgradeIf(upgrade._id, decision))) throw conflict('该申请已审批');
      await tellUpgradeDecided(upgrade, false, input.reason);
      return { status: UPGRADE_STATUS_LABELS.refused };
    }
    const [recognised, { version, all }] = await Promise.all([recognisedSince(record.branchId, record.year, now), cycleStarSet(record.ratingOrgId, record.year)]);
    const refusal = upgradeApproveRefusal(record.status, record.stars, upgrade.fromStars, recognised);
    if (refusal) throw failedPrecondition(refusal);
    const set = all.flatMap((a) => (a.branchId === record.branchId ? [upgrade.toStars] : a.stars !== null ? [a.stars] : []));
    const quota = quotaRefusal(set, all.length);
    if (quota) throw failedPrecondition(`超出星级比例，不能升级：${quota}`);
    const note = `升级增星 ${STAR_LABELS[upgrade.fromStars]} → ${STAR_LABELS[upgrade.toStars]}：${input.reason}`;
    const ok = await approveUpgrade(upgrade, decision, { at: now, byOpenid: ctx.openid, step: 'upgrade', from: record.status, to: record.status, note }, version);
    if (!ok) throw conflict('该支部、该申请或本年度星级刚有变化（如刚审批了其他升级申请），请刷新后重试');
    await tellUpgradeDecided(upgrade, true, input.reason);
    return { status: UPGRADE_STATUS_LABELS.approved };
  },
});

async function ratingOrgOf(input: { orgId: string }) {
  const ratingOrg = await findOrg(input.orgId);
  if (!ratingOrg) throw notFound('组织不存在');
  return { ratingOrg };
}

/** The rating organisation's applications of the year, newest first. One read. */
export const starUpgrades = defineAction({
  schema: starUpgradeActions.list,
  access: 'user',
  load: ratingOrgOf,
  authorize: canManageStarCycle,
  async handler(input, ctx): Promise<{ items: StarUpgradeView[] }> {
    const upgrades = await listOrgUpgrades(input.orgId, input.year);
    // The rating organisation decides on the evidence, so it sees photos still in WeChat's check (marked).
    const photos = await photosFor(upgrades, { openid: ctx.openid, isStaff: true });
    return { items: upgrades.map((u) => viewOf(u, photos)) };
  },
});

/** One branch's current star and its applications with their outcome; whether the caller may apply now. */
export const branchStarUpgrades = defineAction({
  schema: starUpgradeActions.branchList,
  access: 'user',
  load: applyResource,
  authorize: canReadStarAssessment,
  async handler(_input, ctx, resource): Promise<{ branchName: string; stars: Stars | null; statusLabel: string; canApply: boolean; applyRefusal: string | null; items: StarUpgradeView[] }> {
    const { record, upgrades } = resource;
    const status = effectiveStatus(record.status, record.publicityEndsAt ? new Date(record.publicityEndsAt) : null, ctx.now());
    const refusal = upgradeApplyRefusal(record.status, record.stars, upgrades.some((u) => u.status === 'pending'));
    const actor = await ctx.actor();
    const photos = await photosFor(upgrades, { openid: ctx.openid, isStaff: examinesStarBranch(actor, resource) });
    return {
      branchName: record.branchName,
      stars: record.stars,
      statusLabel: STAR_STATUS_LABELS[status],
      canApply: refusal === null && canApplyStarUpgrade(actor, null, resource).ok,
      applyRefusal: refusal,
      items: upgrades.map((u) => viewOf(u, photos)),
    };
  },
});
