import { figuresFrom } from '../../../src/domain/question-figures';
import { parseShanghaiDate } from '../../../src/domain/shanghai-time';
import { monthOf, monthsBetween } from '../../../src/domain/stat-period';
import { starReferences, type StarReference } from '../../../src/domain/star-references';
import { listBranchMembers, type OrgRecord } from '../../_shared/repositories/organisation.repository';
import { listInSubtree } from '../../_shared/repositories/pledge.repository';
import { listAcceptedInYear } from '../../_shared/repositories/project.repository';
import { countFigures } from '../../_shared/repositories/question.repository';
import { findSummaries } from '../../_shared/repositories/service-log.repository';
import { readCounters } from '../../_shared/repositories/stat-counter.repository';

/** A branch's members whose service is summed (a branch has far fewer; the list is bounded like the roster). */
const MEMBER_LIMIT = 100;

async function serviceOf(branchId: string, year: number) {
  const members = await listBranchMembers(branchId, MEMBER_LIMIT);
  const summaries = await findSummaries(members.map((m) => m.openid));
  const ofYear = summaries.map((s) => s.years?.[`y${year}`]).filter((t) => t !== undefined && t.hours > 0);
  return {
    members: members.length,
    serving: ofYear.length,
    hours: ofYear.reduce((n, t) => n + t.hours, 0),
    activities: ofYear.reduce((n, t) => n + t.activities, 0),
  };
}

/**
 * Reference figures beside the items: what the system already knows about the branch this year. A fixed number of
 * reads whatever the branch's size: projects, pledges, the community's 问政, the scope's month counters (at most 12),
 * and the members then their service summaries.
 */
export async function referencesOf(branch: OrgRecord, year: number, now: Date): Promise<{ refs: StarReference[]; recognised: boolean }> {
  const start = parseShanghaiDate(`${year}-01-01`) as Date;
  const yearEnd = parseShanghaiDate(`${year + 1}-01-01`) as Date;
  const end = now.getTime() < yearEnd.getTime() ? now : yearEnd;
  const started = end.getTime() > start.getTime();
  const scope = branch.communityId ? { type: 'community' as const, id: branch.communityId, label: '所在社区' } : branch.unitId ? { type: 'unit' as const, id: branch.unitId, label: '所在单位' } : null;
  const months = started ? monthsBetween(`${year}-01`, monthOf(new Date(end.getTime() - 1))) : [];
  const [projects, pledges, counts, counters, service] = await Promise.all([
    listAcceptedInYear(branch._id, year),
    listInSubtree(branch._id, 'approved', year, 200),
    branch.communityId && started ? countFigures(branch.communityId, { start, end }, now) : Promise.resolve(null),
    scope && months.length > 0 ? readCounters(scope.type, [scope.id], months) : Promise.resolve([]),
    serviceOf(branch._id, year),
  ]);
  const questions = counts ? figuresFrom(counts, { communityId: branch.communityId as string, from: `${year}-01-01`, to: `${year}-12-31` }) : null;
  const refs = starReferences({
    pledgeGrades: pledges.map((p) => p.rating?.grade ?? null),
    service,
    fourLinks: scope ? { scopeLabel: scope.label, counters } : null,
    questions: questions && { received: questions.received, rated: questions.rated, satisfactionRate: questions.satisfactionRate },
    projectTitles: projects.map((p) => p.title),
  });
  return { refs, recognised: projects.length > 0 };
}
