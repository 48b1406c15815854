import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { shanghaiDate } from '../../../src/domain/pledge';
import { conflict, failedPrecondition, invalidArgument } from '../../../src/domain/errors';
import { canActForOrganisation } from '../../../src/domain/organisation.policy';
import { freeSlot, MAX_PLEDGES_PER_YEAR, MAX_PROGRESS_ENTRIES, pledgeYear, targetDateRefusal } from '../../../src/domain/pledge';
import { canAddProgress, canMakePledge, canRatePledge, canReviewPledge, canRevisePledge, canSeeOwnPledge, canSeeUnitPledges } from '../../../src/domain/pledge.policy';
import { pledgeActions, type EvidenceRef, type MyPledgesView, type PledgeView, type PublicPledgeView } from '../../../src/domain/pledge.schema';
import { checkText } from '../../_shared/content-security';
import { defineAction } from '../../_shared/define-function';
import { findOrg } from '../../_shared/repositories/organisation.repository';
import { findPledge, insertPledge, listInSubtree, listMine, listUnitPledges, pledgeIdOf, pushProgress, updatePledgeIf, type PledgeRecord } from '../../_shared/repositories/pledge.repository';
import { findLog, listConfirmedLogsBetween } from '../../_shared/repositories/service-log.repository';
import { findWish, listHeldBy } from '../../_shared/repositories/wish.repository';
import { assertOwnUploads } from '../../_shared/storage';
import { toPledgeView, toPublicPledge } from '../org-view';
import { existingOrg, existingPledge } from './load';

function checkTargetDate(targetDate: string, now: Date): void {
  const refusal = targetDateRefusal(targetDate, now);
  if (refusal) throw invalidArgument([{ field: 'targetDate', message: refusal }]);
}

/** 定诺 starts: a member pledges for this year, in one of five slots. */
export const createPledge = defineAction({
  schema: pledgeActions.create,
  access: 'user',
  authorize: canMakePledge,
  async handler(input, ctx): Promise<PledgeView> {
    const now = ctx.now();
    checkTargetDate(input.targetDate, now);
    const user = await ctx.user();
    const member = user?.member;
    if (!member?.branchId) throw failedPrecondition('请先在个人资料中从组织架构里选择所在党支部');
    const year = pledgeYear(now);
    const [branch, mine] = await Promise.all([findOrg(member.branchId), listMine(ctx.openid, year)]);
    if (!branch || branch.status !== 'active') throw failedPrecondition('所在党支部已调整，请在个人资料中重新选择');
    const replay = mine.find((p) => p.requestIdOf === input.requestId);
    if (replay) return toPledgeView(replay);
    const slot = freeSlot(mine.map((p) => p.slot));
    if (slot === null) throw failedPrecondition(`每年最多作出 ${MAX_PLEDGES_PER_YEAR} 项承诺`);
    await checkText(ctx.openid, input.text, CONTENT_SCENES.profile, ['text']);
    const pledge: PledgeRecord = {
      _id: pledgeIdOf(ctx.openid, year, slot),
      openid: ctx.openid,
      memberName: member.name,
      workUnitId: member.workUnitId,
      workUnitName: member.workUnitName,
      branchId: branch._id,
      branchName: branch.name,
      orgPath: [...branch.ancestors, branch._id],
      year,
      slot,
      requestIdOf: input.requestId,
      text: input.text,
      category: input.category,
      targetDate: input.targetDate,
      status: 'pending',
      returnReason: null,
      reviewedBy: null,
      reviewedAt: null,
      progress: [],
      rating: null,
      createdAt: now,
    };
    if (!(await insertPledge(pledge))) throw conflict('刚才的承诺还在提交中，请稍后刷新');
    return toPledgeView(pledge);
  },
});

export const revisePledge = defineAction({
  schema: pledgeActions.revise,
  access: 'user',
  load: existingPledge,
  authorize: canRevisePledge,
  async handler(input, ctx, { record }): Promise<PledgeView> {
    checkTargetDate(input.targetDate, ctx.now());
    await checkText(ctx.openid, input.text, CONTENT_SCENES.profile, ['text']);
    const changes = { text: input.text, category: input.category, targetDate: input.targetDate, status: 'pending' as const, returnReason: null };
    if (!(await updatePledgeIf(record._id, { status: 'returned' }, changes))) throw conflict('该承诺已被修改，请刷新后重试');
    return toPledgeView({ ...record, ...changes });
  },
});

export const myPledges = defineAction({
  schema: pledgeActions.mine,
  access: 'user',
  async handler(input, ctx): Promise<MyPledgesView> {
    const year = input.year ?? pledgeYear(ctx.now());
    const [user, items] = await Promise.all([ctx.user(), listMine(ctx.openid, year)]);
    return { year, items: items.map(toPledgeView), needsBranch: !user?.member?.branchId, remaining: MAX_PLEDGES_PER_YEAR - items.length, today: shanghaiDate(ctx.now()) };
  },
});

/** 亮承诺: approved pledges of a node's subtree (a branch, or a community's whole organisation), names masked. One read. */
export const publicPledges = defineAction({
  schema: pledgeActions.public,
  access: 'public',
  async handler(input): Promise<{ items: PublicPledgeView[] }> {
    return { items: (await listInSubtree(input.orgId, 'approved', undefined, 50)).map(toPublicPledge) };
  },
});

/** The reviewer's queue: pending pledges (定诺) or approved ones not yet rated (评诺) in the node's subtree. */
export const pledgeQueue = defineAction({
  schema: pledgeActions.queue,
  access: 'user',
  load: existingOrg,
  authorize: canActForOrganisation,
  async handler(input, ctx): Promise<{ items: PledgeView[] }> {
    const items = input.stage === 'review' ? await listInSubtree(input.orgId, 'pending') : await listInSubtree(input.orgId, 'approved', input.year ?? pledgeYear(ctx.now()));
    return { items: items.filter((p) => input.stage === 'review' || p.rating === null).map(toPledgeView) };
  },
});

export const reviewPledge = defineAction({
  schema: pledgeActions.review,
  access: 'user',
  load: existingPledge,
  authorize: canReviewPledge,
  async handler(input, ctx, { record }): Promise<PledgeView> {
    const changes = {
      status: input.decision === 'approve' ? ('approved' as const) : ('returned' as const),
      returnReason: input.decision === 'return' ? (input.reason ?? null) : null,
      reviewedBy: ctx.openid,
      reviewedAt: ctx.now(),
    };
    if (!(await updatePledgeIf(record._id, { status: 'pending' }, changes))) throw conflict('该承诺已审核');
    return toPledgeView({ ...record, ...changes });
  },
});

/** Evidence must be the member's own: a confirmed service log, or a closed wish they claimed. */
async function evidenceOf(openid: string, serviceLogIds: string[], wishIds: string[]): Promise<EvidenceRef[]> {
  const [logs, wishes] = await Promise.all([Promise.all([...new Set(serviceLogIds)].map(findLog)), Promise.all([...new Set(wishIds)].map(findWish))]);
  const refs: EvidenceRef[] = [];
  for (const log of logs) {
    if (!log || log.openid !== openid || log.status !== 'confirmed') throw invalidArgument([{ field: 'serviceLogIds', message: '只能关联本人已确认的服务记录' }]);
    refs.push({ kind: 'serviceLog', id: log._id, title: `${log.serviceDate} ${log.title}`, hours: log.hours });
  }
  for (const wish of wishes) {
    if (!wish || wish.claim?.holderKey !== `m:${openid}` || wish.status !== 'closed') throw invalidArgument([{ field: 'wishIds', message: '只能关联本人认领并已完成的心愿' }]);
    refs.push({ kind: 'wish', id: wish._id, title: wish.title, hours: 0 });
  }
  return refs;
}

/** 践诺: a progress entry with photos and evidence. The request id guards the push, so a retry adds nothing. */
export const addPledgeProgress = defineAction({
  schema: pledgeActions.addProgress,
  access: 'user',
  load: existingPledge,
  authorize: canAddProgress,
  async handler(input, ctx, { record }): Promise<PledgeView> {
    if (record.progress.some((e) => e.requestId === input.requestId)) return toPledgeView(record);
    if (record.progress.length >= MAX_PROGRESS_ENTRIES) throw failedPrecondition(`每项承诺最多记录 ${MAX_PROGRESS_ENTRIES} 条践诺情况`);
    const [evidence] = await Promise.all([evidenceOf(ctx.openid, input.serviceLogIds, input.wishIds), assertOwnUploads(ctx.openid, input.photos)]);
    await checkText(ctx.openid, input.text, CONTENT_SCENES.social, ['text']);
    const entry = { at: ctx.now(), text: input.text, photos: input.photos, evidence, requestId: input.requestId };
    if (!(await pushProgress(record._id, entry, MAX_PROGRESS_ENTRIES))) {
      const now = await findPledge(record._id);
      if (now?.progress.some((e) => e.requestId === input.requestId)) return toPledgeView(now);
      throw conflict('承诺状态已变化，请刷新后重试');
    }
    return toPledgeView({ ...record, progress: [...record.progress, entry] });
  },
});

/** What the member can link: their confirmed service logs of the pledge's year and their closed wishes. */
export const pledgeEvidence = defineAction({
  schema: pledgeActions.evidenceOptions,
  access: 'user',
  load: existingPledge,
  authorize: canSeeOwnPledge,
  async handler(_input, ctx, { record }): Promise<{ items: EvidenceRef[] }> {
    const [logs, wishes] = await Promise.all([listConfirmedLogsBetween(ctx.openid, `${record.year}-01-01`, `${record.year}-12-31`), listHeldBy([`m:${ctx.openid}`])]);
    return {
      items: [
        ...logs.map((l): EvidenceRef => ({ kind: 'serviceLog', id: l._id, title: `${l.serviceDate} ${l.title}`, hours: l.hours })),
        ...wishes.filter((w) => w.status === 'closed').map((w): EvidenceRef => ({ kind: 'wish', id: w._id, title: w.title, hours: 0 })),
      ],
    };
  },
});

/** 评诺 at year end. */
export const ratePledge = defineAction({
  schema: pledgeActions.rate,
  access: 'user',
  load: existingPledge,
  authorize: canRatePledge,
  async handler(input, ctx, { record }): Promise<PledgeView> {
    await checkText(ctx.openid, input.comment, CONTENT_SCENES.comment, ['comment']);
    const rating = { grade: input.grade, comment: input.comment, by: ctx.openid, at: ctx.now() };
    if (!(await updatePledgeIf(record._id, { status: 'approved', rating: null }, { rating }))) throw conflict('该承诺已评定');
    return toPledgeView({ ...record, rating });
  },
});

/** The unit's view (一单一表): its members' approved pledges of a year with their 评诺. */
export const unitPledges = defineAction({
  schema: pledgeActions.unit,
  access: 'user',
  authorize: canSeeUnitPledges,
  async handler(input): Promise<{ items: PledgeView[] }> {
    return { items: (await listUnitPledges(input.unitId, input.year)).map(toPledgeView) };
  },
});

