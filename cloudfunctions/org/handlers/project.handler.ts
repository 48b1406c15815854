import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { ORG_TYPE_LABELS } from '../../../src/domain/organisation';
import {
  decideProjectMove,
  evaluationPasses,
  isOverdue,
  nextDueDate,
  nextProjectType,
  planDateIssues,
  PROJECT_STATUS_LABELS,
  PROJECT_TYPE_LABELS,
  PUBLIC_STATUSES,
  projectNumber,
  quarterOf,
  REMIND_DAYS_AHEAD,
  RUNNING_STATUSES,
  type ProjectMove,
  type ProjectStatus,
} from '../../../src/domain/project-machine';
import {
  canAcceptProject,
  canAddProjectProgress,
  canApplyForProject,
  canConcludeProject,
  canDispatchProject,
  canListOrgProjects,
  canPromoteProject,
  canReviewProject,
  canReviseProject,
  canSeeDispatchList,
  canSeeProject,
  canStartProject,
  projectActionsFor,
  type ProjectResource,
} from '../../../src/domain/project.policy';
import { projectActions, type ProjectEntryView, type ProjectRow, type ProjectView, type PublicProjectRow } from '../../../src/domain/project.schema';
import { formatShanghaiDate, inShanghai, shanghaiYear } from '../../../src/domain/shanghai-time';
import { inBatches } from '../../_shared/batches';
import { NOT_SUBSCRIBED } from '../../_shared/subscribe-message';
import { checkText } from '../../_shared/content-security';
import { defineAction, type TimerContext } from '../../_shared/define-function';
import { findOrgs, type OrgRecord } from '../../_shared/repositories/organisation.repository';
import {
  addEntry,
  approveWithNumber,
  claimReminder,
  findEntryByRequest,
  findOrgWithProjects,
  findProject,
  insertProject,
  listAcceptedInYear,
  listDueBetween,
  listEntries,
  listPublic,
  projectIdOf,
  releaseReminder,
  updateProjectIf,
  type ProjectEntryRecord,
  type ProjectRecord,
} from '../../_shared/repositories/project.repository';
import type { UserRecord } from '../../_shared/repositories/user.repository';
import { assertOwnUploads } from '../../_shared/storage';
import { remindMilestone, tellDispatched } from '../project-notify';
import { existingOrg } from './load';

type LoadedProject = ProjectResource & { record: ProjectRecord; orgRecord: OrgRecord };

/** The project with its organisation and that organisation's parent: who acts depends on both. */
async function existingProject(input: { projectId: string }): Promise<LoadedProject> {
  const record = await findProject(input.projectId);
  if (!record) throw notFound('项目不存在');
  const parentId = record.ancestors.at(-1) ?? null;
  const [orgRecord, parent = null] = await findOrgs(parentId ? [record.organisationId, parentId] : [record.organisationId]);
  if (!orgRecord || orgRecord._id !== record.organisationId) throw notFound('项目所属的党组织不存在');
  return { record, orgRecord, org: orgRecord, parent, project: { appliedBy: record.appliedBy, status: record.status, type: record.type } };
}

const nameOf = (user: UserRecord | null, org: OrgRecord | null) =>
  user?.member?.name ?? (org && org.secretaryOpenid === user?.openid ? org.secretaryName : null) ?? (org && org.contactOpenid === user?.openid ? org.contactName : null) ?? '党组织工作人员';

const today = (now: Date) => formatShanghaiDate(now);

/** Every text field is checked, each on its own so a refusal names the field. */
async function checkTexts(openid: string, fields: Record<string, string>): Promise<void> {
  await Promise.all(Object.entries(fields).map(([field, value]) => checkText(openid, value, CONTENT_SCENES.profile, [field])));
}

function checkPlanDates(input: { startDate: string; milestones: { dueDate: string }[] }, now: Date, keepStart?: string): void {
  const issues = planDateIssues(input.startDate, input.milestones);
  // A new plan starts today or later; a revised one may keep the start it had.
  if (input.startDate < today(now) && input.startDate !== keepStart) issues.unshift({ field: 'startDate', message: '开始日期不能早于今天' });
  if (issues.length) throw invalidArgument(issues);
}

function toView(p: ProjectRecord, now: Date, actions: ProjectView['actions']): ProjectView {
  const d = today(now);
  return {
    id: p._id,
    number: p.number,
    title: p.title,
    type: p.type,
    typeLabel: PROJECT_TYPE_LABELS[p.type],
    status: p.status,
    statusLabel: PROJECT_STATUS_LABELS[p.status],
    orgId: p.organisationId,
    orgName: p.organisationName,
    background: p.background,
    aims: p.aims,
    measures: p.measures,
    expectedResults: p.expectedResults,
    startDate: p.startDate,
    milestones: p.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, doneAt: m.doneAt, overdue: p.status === 'started' && isOverdue(m, d) })),
    team: p.team,
    returnReason: p.returnReason,
    report: p.report,
    evaluation: p.evaluation ? { scores: p.evaluation.scores, comment: p.evaluation.comment, passed: p.evaluation.passed } : null,
    promotedTo: p.promotedTo,
    overdueCount: p.status === 'started' ? p.milestones.filter((m) => isOverdue(m, d)).length : 0,
    doneCount: p.milestones.filter((m) => m.doneAt).length,
    actions,
  };
}

const toRow = (p: ProjectRecord, now: Date): ProjectRow => ({
  id: p._id,
  number: p.number,
  title: p.title,
  typeLabel: PROJECT_TYPE_LABELS[p.type],
  status: p.status,
  statusLabel: PROJECT_STATUS_LABELS[p.status],
  orgName: p.organisationName,
  doneCount: p.milestones.filter((m) => m.doneAt).length,
  milestoneCount: p.milestones.length,
  overdue: p.status === 'started' || p.status === 'approved' ? p.milestones.filter((m) => isOverdue(m, today(now))).map((m) => `${m.title}（${m.dueDate}）`) : [],
  nextDueDate: p.nextDueDate,
  lastDispatchQuarter: p.lastDispatchQuarter,
});

const toPublicRow = (p: ProjectRecord): PublicProjectRow => ({
  id: p._id,
  number: p.number,
  title: p.title,
  typeLabel: PROJECT_TYPE_LABELS[p.promotedTo ?? p.type],
  statusLabel: PROJECT_STATUS_LABELS[p.status],
  orgName: p.organisationName,
  aims: p.aims,
});

const statusEntry = (projectId: string, by: { openid: string; name: string }, from: ProjectStatus, to: ProjectStatus, text: string, now: Date): ProjectEntryRecord => ({
  projectId,
  kind: 'status',
  at: now,
  byOpenid: by.openid,
  byName: by.name,
  text,
  milestoneIndex: null,
  photos: [],
  rectification: null,
  quarter: null,
  fromStatus: from,
  toStatus: to,
  requestId: null,
});

/** Writes a move on the machine's `from` condition and files it in the history; CONFLICT when someone moved first. */
async function move(loaded: LoadedProject, m: ProjectMove, changes: Partial<ProjectRecord>, by: { openid: string; name: string }, text: string, now: Date): Promise<ProjectRecord> {
  const d = decideProjectMove(loaded.record.status, m);
  if (!d.ok) throw failedPrecondition(d.message);
  if (!(await updateProjectIf(loaded.record._id, d.from, { ...changes, status: d.to }))) throw conflict('项目状态已变化，请刷新后重试');
  await addEntry(statusEntry(loaded.record._id, by, loaded.record.status, d.to, text, now));
  return { ...loaded.record, ...changes, status: d.to };
}

async function actorOf(ctx: { openid: string; user: () => Promise<UserRecord | null> }, org: OrgRecord | null) {
  return { openid: ctx.openid, name: nameOf(await ctx.user(), org) };
}

/** 申报. The id comes from the organisation and the request id, so a retry returns the first application. */
export const applyProject = defineAction({
  schema: projectActions.apply,
  access: 'user',
  load: existingOrg,
  authorize: canApplyForProject,
  async handler(input, ctx, org): Promise<ProjectView> {
    const now = ctx.now();
    checkPlanDates(input, now);
    const id = projectIdOf(org._id, input.requestId);
    const replay = await findProject(id);
    if (replay) return toView(replay, now, []);
    await checkTexts(ctx.openid, {
      title: input.title,
      background: input.background,
      aims: input.aims,
      measures: input.measures,
      expectedResults: input.expectedResults,
      milestones: input.milestones.map((m) => m.title).join('；'),
      team: input.team.join('、'),
    });
    const by = await actorOf(ctx, org);
    const milestones = input.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, doneAt: null }));
    const project: ProjectRecord = {
      _id: id,
      organisationId: org._id,
      organisationName: org.name,
      ancestors: org.ancestors,
      title: input.title,
      type: input.type,
      background: input.background,
      aims: input.aims,
      measures: input.measures,
      expectedResults: input.expectedResults,
      startDate: input.startDate,
      milestones,
      team: input.team,
      status: 'applied',
      number: null,
      appliedBy: ctx.openid,
      appliedByName: by.name,
      returnReason: null,
      approvedBy: null,
      report: null,
      evaluation: null,
      promotedTo: null,
      nextDueDate: nextDueDate(milestones),
      remindedDue: null,
      lastDispatchQuarter: null,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await insertProject(project))) {
      const first = await findProject(id);
      if (first) return toView(first, now, []);
      throw conflict('刚才的申报还在提交中，请稍后刷新');
    }
    await addEntry({ ...statusEntry(id, by, 'applied', 'applied', `${ORG_TYPE_LABELS[org.type]}申报`, now), fromStatus: null });
    return toView(project, now, []);
  },
});

/** A returned application, corrected and sent again. */
export const reviseProject = defineAction({
  schema: projectActions.revise,
  access: 'user',
  load: existingProject,
  authorize: canReviseProject,
  async handler(input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    checkPlanDates(input, now, loaded.record.startDate);
    const { projectId: _id, ...plan } = input;
    await checkTexts(ctx.openid, { title: plan.title, background: plan.background, aims: plan.aims, measures: plan.measures, expectedResults: plan.expectedResults, milestones: plan.milestones.map((m) => m.title).join('；'), team: plan.team.join('、') });
    const milestones = plan.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, doneAt: null }));
    const changed = await move(loaded, 'resubmit', { ...plan, milestones, nextDueDate: nextDueDate(milestones), returnReason: null }, await actorOf(ctx, loaded.orgRecord), '修改后重新申报', now);
    return toView(changed, now, []);
  },
});

/** 立项: approve (with the year's next number) or return with the reasons. */
export const reviewProject = defineAction({
  schema: projectActions.review,
  access: 'user',
  load: existingProject,
  authorize: canReviewProject,
  async handler(input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    const by = await actorOf(ctx, loaded.parent as OrgRecord | null);
    if (input.decision === 'return') {
      const changed = await move(loaded, 'return', { returnReason: input.reason ?? null }, by, input.reason ?? '', now);
      return toView(changed, now, []);
    }
    const year = shanghaiYear(now);
    const number = await approveWithNumber(loaded.record._id, year, ctx.openid, (seq) => projectNumber(year, seq));
    if (!number) throw conflict('该项目已由他人审批，请刷新后查看');
    await addEntry(statusEntry(loaded.record._id, by, 'applied', 'approved', `立项，编号 ${number}`, now));
    return toView({ ...loaded.record, status: 'approved', number, approvedBy: ctx.openid, returnReason: null }, now, []);
  },
});

export const startProject = defineAction({
  schema: projectActions.start,
  access: 'user',
  load: existingProject,
  authorize: canStartProject,
  async handler(_input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    return toView(await move(loaded, 'start', {}, await actorOf(ctx, loaded.orgRecord), '项目启动', now), now, []);
  },
});

/** 实施: progress against a milestone; a completing entry marks the milestone done (once). */
export const addProjectProgress = defineAction({
  schema: projectActions.addProgress,
  access: 'user',
  load: existingProject,
  authorize: canAddProjectProgress,
  async handler(input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    const { record } = loaded;
    if (input.milestoneIndex >= record.milestones.length) throw invalidArgument([{ field: 'milestoneIndex', message: '请从项目的推进节点中选择' }]);
    if (await findEntryByRequest(record._id, input.requestId)) return toView((await findProject(record._id)) ?? record, now, []);
    await Promise.all([assertOwnUploads(ctx.openid, input.photos), checkText(ctx.openid, input.text, CONTENT_SCENES.social, ['text'])]);
    let current = record;
    if (input.completes && !record.milestones[input.milestoneIndex].doneAt) {
      const milestones = record.milestones.map((m, i) => (i === input.milestoneIndex ? { ...m, doneAt: today(now) } : m));
      const changes = { milestones, nextDueDate: nextDueDate(milestones) };
      if (!(await updateProjectIf(record._id, ['started'], changes))) throw conflict('项目状态已变化，请刷新后重试');
      current = { ...record, ...changes };
    }
    const by = await actorOf(ctx, loaded.orgRecord);
    await addEntry({ projectId: record._id, kind: 'progress', at: now, byOpenid: by.openid, byName: by.name, text: input.text, milestoneIndex: input.milestoneIndex, photos: input.photos, rectification: null, quarter: null, fromStatus: null, toStatus: null, requestId: input.requestId });
    return toView(current, now, []);
  },
});

/** 调度: the approving level's quarterly note with the 整改 it requires, sent to the project. */
export const dispatchProject = defineAction({
  schema: projectActions.dispatch,
  access: 'user',
  load: existingProject,
  authorize: canDispatchProject,
  async handler(input, ctx, loaded): Promise<{ quarter: string }> {
    const now = ctx.now();
    const quarter = quarterOf(today(now));
    if (await findEntryByRequest(loaded.record._id, input.requestId)) return { quarter };
    await checkTexts(ctx.openid, { text: input.text, rectification: input.rectification });
    const by = await actorOf(ctx, loaded.parent as OrgRecord | null);
    await addEntry({ projectId: loaded.record._id, kind: 'dispatch', at: now, byOpenid: by.openid, byName: by.name, text: input.text, milestoneIndex: null, photos: [], rectification: input.rectification, quarter, fromStatus: null, toStatus: null, requestId: input.requestId });
    await updateProjectIf(loaded.record._id, RUNNING_STATUSES, { lastDispatchQuarter: quarter });
    await tellDispatched(loaded.record, input.rectification);
    return { quarter };
  },
});

/** 结题: the four-part report. */
export const concludeProject = defineAction({
  schema: projectActions.conclude,
  access: 'user',
  load: existingProject,
  authorize: canConcludeProject,
  async handler(input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    await checkTexts(ctx.openid, Object.fromEntries(Object.entries(input.report).map(([k, v]) => [`report.${k}`, v])));
    return toView(await move(loaded, 'conclude', { report: input.report }, await actorOf(ctx, loaded.orgRecord), '提交结题报告', now), now, []);
  },
});

/** 验收 with 评估: the scores decide pass (已验收) or fail (验收未通过, the comment is the reason). */
export const acceptProject = defineAction({
  schema: projectActions.accept,
  access: 'user',
  load: existingProject,
  authorize: canAcceptProject,
  async handler(input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    await checkText(ctx.openid, input.comment, CONTENT_SCENES.comment, ['comment']);
    const passed = evaluationPasses(input.scores);
    const evaluation = { scores: input.scores, comment: input.comment, passed, by: ctx.openid, at: now };
    const changed = await move(loaded, passed ? 'accept' : 'reject', { evaluation }, await actorOf(ctx, loaded.parent as OrgRecord | null), `${passed ? '验收通过' : '验收未通过'}：${input.comment}`, now);
    return toView(changed, now, []);
  },
});

/** 推广: one type up. */
export const promoteProject = defineAction({
  schema: projectActions.promote,
  access: 'user',
  load: existingProject,
  authorize: canPromoteProject,
  async handler(_input, ctx, loaded): Promise<ProjectView> {
    const now = ctx.now();
    const to = nextProjectType(loaded.record.type);
    if (!to) throw failedPrecondition('制度推广型「大试」已是最高类型，不能再推广');
    const changed = await move(loaded, 'promote', { promotedTo: to }, await actorOf(ctx, loaded.parent as OrgRecord | null), `推广为${PROJECT_TYPE_LABELS[to]}`, now);
    return toView(changed, now, []);
  },
});

export const projectDetail = defineAction({
  schema: projectActions.detail,
  access: 'user',
  load: existingProject,
  authorize: canSeeProject,
  async handler(_input, ctx, loaded): Promise<{ project: ProjectView; entries: ProjectEntryView[] }> {
    const entries = await listEntries(loaded.record._id);
    return {
      project: toView(loaded.record, ctx.now(), projectActionsFor(await ctx.actor(), loaded)),
      entries: entries.map((e) => ({
        id: e._id,
        kind: e.kind,
        at: new Date(e.at).toISOString(),
        byName: e.byName,
        text: e.text,
        milestoneIndex: e.milestoneIndex,
        rectification: e.rectification,
        quarter: e.quarter,
        statusLabel: e.toStatus ? PROJECT_STATUS_LABELS[e.toStatus] : null,
      })),
    };
  },
});

type OrgWithProjects = OrgRecord & { projects: ProjectRecord[] };

/** The organisation and its projects in one read: the caller is read beside it, so a list costs two round trips. */
const orgWithProjects = (which: 'under' | 'own') => async (input: { orgId: string }): Promise<OrgWithProjects> => {
  const found = await findOrgWithProjects<OrgRecord>(input.orgId, which);
  if (!found) throw notFound('组织不存在');
  return { ...found.org, projects: found.projects };
};

/** An organisation's own projects, every status. */
export const orgProjects = defineAction({
  schema: projectActions.ofOrg,
  access: 'user',
  load: orgWithProjects('own'),
  authorize: canListOrgProjects,
  async handler(_input, ctx, org): Promise<{ items: ProjectRow[] }> {
    return { items: org.projects.map((p) => toRow(p, ctx.now())) };
  },
});

/** 调度 view of a level: every project under it, with progress and what is overdue; awaiting 立项 / 验收 first. */
export const projectDispatchList = defineAction({
  schema: projectActions.dispatchList,
  access: 'user',
  load: orgWithProjects('under'),
  authorize: canSeeDispatchList,
  async handler(_input, ctx, org): Promise<{ items: ProjectRow[]; quarter: string }> {
    const now = ctx.now();
    const rank = (s: ProjectStatus) => (['applied', 'concluding'].includes(s) ? 0 : s === 'started' || s === 'approved' ? 1 : 2);
    const rows = org.projects.map((p) => toRow(p, now));
    return { items: rows.sort((a, b) => rank(a.status) - rank(b.status) || b.overdue.length - a.overdue.length), quarter: quarterOf(today(now)) };
  },
});

/** 公开: approved and accepted projects of an organisation and its subtree, no people. */
export const publicProjects = defineAction({
  schema: projectActions.public,
  access: 'public',
  async handler(input): Promise<{ items: PublicProjectRow[] }> {
    return { items: (await listPublic(input.orgId, PUBLIC_STATUSES)).map(toPublicRow) };
  },
});

/** For 五星创评: innovation projects of an organisation accepted in a year by the level above (public facts). */
export const acceptedProjects = defineAction({
  schema: projectActions.acceptedInYear,
  access: 'public',
  async handler(input): Promise<{ items: PublicProjectRow[] }> {
    return { items: (await listAcceptedInYear(input.orgId, input.year)).map(toPublicRow) };
  },
});

/** Daily timer: the project's contact hears of a milestone due within 7 days, once per milestone (claimed first). */
export async function remindProjectMilestones(ctx: TimerContext): Promise<{ reminded: number; sent: number }> {
  const now = ctx.now();
  const from = today(now);
  const to = inShanghai(now).add(REMIND_DAYS_AHEAD, 'day').format('YYYY-MM-DD');
  let reminded = 0;
  let sent = 0;
  const due = (await listDueBetween(from, to)).filter((p) => p.nextDueDate && p.remindedDue !== p.nextDueDate);
  await inBatches(due, async (project) => {
    const date = project.nextDueDate as string;
    if (!(await claimReminder(project._id, date))) return;
    reminded++;
    const milestone = project.milestones.find((m) => !m.doneAt && m.dueDate === date);
    if (!milestone) return;
    const result = await remindMilestone(project, milestone);
    if (result.sent) sent++;
    // No subscription yet: the next day's run, within the 7 days, tries again.
    else if (result.errcode === NOT_SUBSCRIBED) await releaseReminder(project._id, date);
  });
  return { reminded, sent };
}

