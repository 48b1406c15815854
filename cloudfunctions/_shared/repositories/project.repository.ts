import { createHash } from 'node:crypto';
import type { EvaluationKey, Milestone, ProjectStatus, ProjectType } from '../../../src/domain/project-machine';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * 党建项目 (`projects`), their entries (`project_entries`: progress, 调度 notes, status history) and the yearly number
 * counters (`project_counters`). A project carries its organisation's `ancestors`, so the 调度 view of any level is
 * one indexed equality query on that array; an organisation's own list is one on `organisationId`.
 */
const PROJECTS = 'projects';
const ENTRIES = 'project_entries';
const COUNTERS = 'project_counters';

export interface ProjectRecord {
  _id: string;
  organisationId: string;
  organisationName: string;
  /** The applying organisation's ancestors (root first), copied at 申报. */
  ancestors: string[];
  title: string;
  type: ProjectType;
  background: string;
  aims: string;
  measures: string;
  expectedResults: string;
  startDate: string;
  milestones: (Milestone & { doneAt: string | null })[];
  /** 推进小组, named in the application and fixed at 立项. */
  team: string[];
  status: ProjectStatus;
  /** DJ<year>-<seq>, assigned at 立项. */
  number: string | null;
  appliedBy: string;
  appliedByName: string;
  returnReason: string | null;
  approvedBy: string | null;
  report: Record<'overview' | 'implementation' | 'results' | 'assessment', string> | null;
  evaluation: { scores: Record<EvaluationKey, number>; comment: string; passed: boolean; by: string; at: Date } | null;
  promotedTo: ProjectType | null;
  /** The first undone milestone's date, for the reminder timer's range query. */
  nextDueDate: string | null;
  /** The `nextDueDate` a reminder went out for: the timer and a retry never remind twice. */
  remindedDue: string | null;
  lastDispatchQuarter: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProjectEntryRecord {
  _id?: string;
  projectId: string;
  kind: 'progress' | 'dispatch' | 'status';
  at: Date;
  byOpenid: string;
  byName: string;
  text: string;
  milestoneIndex: number | null;
  photos: string[];
  rectification: string | null;
  quarter: string | null;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus | null;
  requestId: string | null;
}

/** A list of one organisation or one level is at most this long (a street has well under this many live projects). */
export const PROJECT_LIST_LIMIT = 200;

/** Ids are shown to others: derived from the organisation and the client's request id, so a retried 申报 finds its project. */
export const projectIdOf = (orgId: string, requestId: string) => `pj-${createHash('sha256').update(`${orgId}:${requestId}`).digest('hex').slice(0, 20)}`;

export async function findProject(id: string): Promise<ProjectRecord | null> {
  const { data } = await database().collection(PROJECTS).doc(id).get();
  return ((data as ProjectRecord[])[0] as ProjectRecord | undefined) ?? null;
}

export async function insertProject(project: ProjectRecord): Promise<boolean> {
  try {
    await database().collection(PROJECTS).add(project);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

/** A move guarded by the status the machine moves from: of two concurrent deciders only one matches. */
export async function updateProjectIf(id: string, from: readonly ProjectStatus[], changes: Partial<ProjectRecord>): Promise<boolean> {
  const db = database();
  // Whole-value replacement for objects and arrays (report, evaluation, milestones): the SDK would merge them key by key.
  const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v]));
  const { updated } = (await db
    .collection(PROJECTS)
    .where({ _id: id, status: from.length === 1 ? from[0] : db.command.in([...from]) })
    .update({ ...values, updatedAt: new Date() })) as { updated?: number };
  return updated === 1;
}

type Tx = { collection(name: string): ReturnType<ReturnType<typeof database>['collection']> };

/**
 * 立项 with its number: the project moves from `applied` and takes the next number of the year in one transaction,
 * so two approvers never both approve and a number is never given twice. Null when the project was no longer applied.
 */
export async function approveWithNumber(id: string, year: number, approvedBy: string, numberOf: (seq: number) => string): Promise<string | null> {
  try {
    return (await database().runTransaction(async (transaction: unknown) => {
      const t = transaction as Tx;
      const { data: project } = (await t.collection(PROJECTS).doc(id).get()) as unknown as { data: ProjectRecord | null };
      if (!project || project.status !== 'applied') return null;
      const counterId = `year-${year}`;
      const { data: counter } = (await t.collection(COUNTERS).doc(counterId).get()) as unknown as { data: { seq: number } | null };
      const seq = (counter?.seq ?? 0) + 1;
      await t.collection(COUNTERS).doc(counterId).set({ seq, year });
      const number = numberOf(seq);
      await t.collection(PROJECTS).doc(id).update({ status: 'approved', number, approvedBy, returnReason: null, updatedAt: new Date() });
      return number;
    })) as string | null;
  } catch (error) {
    // A concurrent transaction on the same project or counter won: this approval did not happen.
    if (String((error as { code?: string })?.code ?? error).includes('TRANSACTION')) return null;
    throw error;
  }
}

/** Claims the reminder of the project's next due date; false when it was claimed already. */
export async function claimReminder(id: string, due: string): Promise<boolean> {
  const db = database();
  const { updated } = (await db.collection(PROJECTS).where({ _id: id, nextDueDate: due, remindedDue: db.command.neq(due) }).update({ remindedDue: due })) as { updated?: number };
  return updated === 1;
}

/** Gives the claim of a milestone's reminder back (the send found no subscription): the next daily run tries again. */
export async function releaseReminder(id: string, due: string): Promise<void> {
  await database().collection(PROJECTS).where({ _id: id, remindedDue: due }).update({ remindedDue: '' });
}

export async function addEntry(entry: ProjectEntryRecord): Promise<void> {
  await database().collection(ENTRIES).add(entry);
}

export async function listEntries(projectId: string, limit = 100): Promise<(ProjectEntryRecord & { _id: string })[]> {
  const { data } = await database().collection(ENTRIES).where({ projectId }).orderBy('at', 'desc').limit(limit).get();
  return data as (ProjectEntryRecord & { _id: string })[];
}

export async function findEntryByRequest(projectId: string, requestId: string): Promise<ProjectEntryRecord | null> {
  const { data } = await database().collection(ENTRIES).where({ projectId, requestId }).limit(1).get();
  return ((data as ProjectEntryRecord[])[0] as ProjectEntryRecord | undefined) ?? null;
}

/**
 * An organisation with its projects in one round trip (the list's permission needs the organisation, the list needs
 * the projects): `under` = every project of the organisations below it (the 调度 view), `own` = its own projects.
 * Newest first, at most PROJECT_LIST_LIMIT.
 */
export async function findOrgWithProjects<O>(orgId: string, which: 'under' | 'own'): Promise<{ org: O; projects: ProjectRecord[] } | null> {
  const { data } = (await database()
    .collection('organisations')
    .aggregate()
    .match({ _id: orgId })
    .lookup({ from: PROJECTS, localField: '_id', foreignField: which === 'under' ? 'ancestors' : 'organisationId', as: 'projects' })
    .end()) as { data: (O & { projects: ProjectRecord[] })[] };
  const row = data[0];
  if (!row) return null;
  const { projects, ...org } = row;
  const newest = [...projects].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime()).slice(0, PROJECT_LIST_LIMIT);
  return { org: org as unknown as O, projects: newest };
}

/** 公开: the organisation's own projects and those of its subtree, in the given statuses. Two queries run together. */
export async function listPublic(orgId: string, statuses: readonly ProjectStatus[]): Promise<ProjectRecord[]> {
  const db = database();
  const status = db.command.in([...statuses]);
  const [own, under] = await Promise.all([
    db.collection(PROJECTS).where({ organisationId: orgId, status }).orderBy('createdAt', 'desc').limit(50).get(),
    db.collection(PROJECTS).where({ ancestors: orgId, status }).orderBy('createdAt', 'desc').limit(50).get(),
  ]);
  return [...(own.data as ProjectRecord[]), ...(under.data as ProjectRecord[])];
}

/** Running projects whose first undone milestone falls in [from, to]: the reminder timer's one query. */
export async function listDueBetween(from: string, to: string): Promise<ProjectRecord[]> {
  const db = database();
  const _ = db.command;
  const { data } = await db.collection(PROJECTS).where({ status: _.in(['approved', 'started']), nextDueDate: _.gte(from).and(_.lte(to)) }).limit(500).get();
  return data as ProjectRecord[];
}

/** For 五星创评: an organisation's innovation projects (小试 and up) accepted in `year`, by the level that accepted them. */
export async function listAcceptedInYear(orgId: string, year: number): Promise<ProjectRecord[]> {
  const db = database();
  const _ = db.command;
  const { data } = await db
    .collection(PROJECTS)
    .where({ organisationId: orgId, status: _.in(['accepted', 'promoted']), 'evaluation.at': _.gte(new Date(`${year}-01-01T00:00:00+08:00`)).and(_.lt(new Date(`${year + 1}-01-01T00:00:00+08:00`))) })
    .limit(PROJECT_LIST_LIMIT)
    .get();
  return data as ProjectRecord[];
}
