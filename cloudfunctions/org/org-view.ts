import { ORG_TYPE_LABELS } from '../../src/domain/organisation';
import type { OrgSummary } from '../../src/domain/organisation.schema';
import { maskName } from '../../src/domain/masking';
import { PLEDGE_GRADE_LABELS, PLEDGE_STATUS_LABELS } from '../../src/domain/pledge';
import type { PledgeView, PublicPledgeView, RatingView } from '../../src/domain/pledge.schema';
import type { OrgRecord } from '../_shared/repositories/organisation.repository';
import type { PledgeRecord } from '../_shared/repositories/pledge.repository';

export const toOrgSummary = (o: OrgRecord): OrgSummary => ({ id: o._id, type: o.type, typeLabel: ORG_TYPE_LABELS[o.type], name: o.name, parentId: o.parentId, status: o.status });

const ratingView = (p: PledgeRecord): RatingView | null =>
  p.rating ? { grade: p.rating.grade, gradeLabel: PLEDGE_GRADE_LABELS[p.rating.grade], comment: p.rating.comment, at: new Date(p.rating.at).toISOString() } : null;

export const toPledgeView = (p: PledgeRecord): PledgeView => ({
  id: p._id,
  year: p.year,
  memberName: p.memberName,
  branchId: p.branchId,
  branchName: p.branchName,
  text: p.text,
  category: p.category,
  targetDate: p.targetDate,
  status: p.status,
  statusLabel: PLEDGE_STATUS_LABELS[p.status],
  returnReason: p.returnReason,
  progress: p.progress.map((e) => ({ at: new Date(e.at).toISOString(), text: e.text, photos: e.photos, evidence: e.evidence })),
  rating: ratingView(p),
});

export const toPublicPledge = (p: PledgeRecord): PublicPledgeView => ({
  id: p._id,
  year: p.year,
  memberName: maskName(p.memberName),
  branchName: p.branchName,
  text: p.text,
  category: p.category,
  targetDate: p.targetDate,
  progressCount: p.progress.length,
  rating: ratingView(p),
});
