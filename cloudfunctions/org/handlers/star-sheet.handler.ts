import { failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { sheetEditRefusal } from '../../../src/domain/star-cycle';
import { referenceSheet, type StarSheet } from '../../../src/domain/star-rating';
import { applySheetEdit, startingSheet } from '../../../src/domain/star-sheet';
import { canManageStarCycle } from '../../../src/domain/star.policy';
import { starSheetActions, type StarSheetView } from '../../../src/domain/star.schema';
import { defineAction } from '../../_shared/define-function';
import { findOrg } from '../../_shared/repositories/organisation.repository';
import { findSheet, freezeSheet, saveDraftSheet, sheetIdOf } from '../../_shared/repositories/star-sheet.repository';
import { findCycle } from '../../_shared/repositories/star.repository';

/** Refining a year's scoring sheet while it is a draft (docs/domain.md "五星创评"); opening the year freezes it. */

/** What the year starts from before anything is saved: last year's opened sheet, else the reference standard. */
async function startOf(orgId: string, year: number) {
  const previous = await findCycle(orgId, year - 1);
  return startingSheet(year, previous?.sheet ?? null, referenceSheet(year));
}

/** Called when the year opens: the sheet every branch is scored on, frozen from now on. */
export async function sheetForOpening(orgId: string, year: number, by: string, at: Date): Promise<StarSheet> {
  const { sheet } = await startOf(orgId, year);
  return freezeSheet(orgId, year, sheet, by, at);
}

async function sheetResource(input: { orgId: string; year: number }) {
  const [ratingOrg, cycle, draft, start] = await Promise.all([findOrg(input.orgId), findCycle(input.orgId, input.year), findSheet(input.orgId, input.year), startOf(input.orgId, input.year)]);
  if (!ratingOrg) throw notFound('组织不存在');
  return { ratingOrg, cycle, draft, start };
}

export const starSheet = defineAction({
  schema: starSheetActions.sheet,
  access: 'user',
  load: sheetResource,
  authorize: canManageStarCycle,
  async handler(input, _ctx, { ratingOrg, cycle, draft, start }): Promise<StarSheetView> {
    if (cycle) return { orgName: ratingOrg.name, year: input.year, status: 'frozen', source: null, sheet: cycle.sheet };
    if (draft) return { orgName: ratingOrg.name, year: input.year, status: draft.status, source: null, sheet: draft.sheet };
    return { orgName: ratingOrg.name, year: input.year, status: 'draft', source: start.source, sheet: start.sheet };
  },
});

/** Saves the draft: 评分要点 and 评分办法 per item; the items and their points stay the standard's. */
export const saveStarSheet = defineAction({
  schema: starSheetActions.saveSheet,
  access: 'user',
  load: sheetResource,
  authorize: canManageStarCycle,
  async handler(input, ctx, { ratingOrg, cycle, draft, start }): Promise<{ saved: true }> {
    const frozen = sheetEditRefusal(cycle || draft?.status === 'frozen' ? 'frozen' : 'draft');
    if (frozen) throw failedPrecondition(frozen);
    if (ratingOrg.type === 'branch') throw failedPrecondition('党支部不能作为评定组织');
    const { sheet, issues } = applySheetEdit(draft?.sheet ?? start.sheet, input.items);
    if (issues.length > 0) throw invalidArgument(issues);
    const saved = await saveDraftSheet({ _id: sheetIdOf(ratingOrg._id, input.year), ratingOrgId: ratingOrg._id, year: input.year, sheet: { ...sheet, year: input.year }, status: 'draft', updatedBy: ctx.openid, updatedAt: ctx.now() });
    if (!saved) throw failedPrecondition(sheetEditRefusal('frozen') as string);
    return { saved: true };
  },
});
