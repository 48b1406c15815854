import type { StarStatus } from '../../../src/domain/star-cycle';
import type { Stars } from '../../../src/domain/star-rating';
import type { UpgradeStatus } from '../../../src/domain/star-upgrade';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';
import { claimStarsVersion, STAR_BRANCH_LIMIT, type StarAssessmentRecord } from './star.repository';

/** 升级增星 applications (`star_upgrades`), one per request; the assessment they raise keeps the step in its history. */
const UPGRADES = 'star_upgrades';
const ASSESSMENTS = 'star_assessments';

/** A branch applies a handful of times a year at most. */
const BRANCH_UPGRADE_LIMIT = 50;

export interface StarUpgradeRecord {
  _id: string;
  ratingOrgId: string;
  year: number;
  branchId: string;
  branchName: string;
  assessmentId: string;
  fromStars: Stars;
  toStars: Stars;
  reason: string;
  evidence: string[];
  applicantOpenid: string;
  requestId: string;
  at: Date;
  status: UpgradeStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}

interface Tx {
  collection(name: string): { doc(id: string): { get(): Promise<unknown>; update(data: object): Promise<unknown> } };
}

export async function insertUpgrade(record: StarUpgradeRecord): Promise<boolean> {
  try {
    await database().collection(UPGRADES).add(record);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

export async function findUpgrade(id: string): Promise<StarUpgradeRecord | null> {
  const { data } = await database().collection(UPGRADES).doc(id).get();
  return ((data as StarUpgradeRecord[])[0] as StarUpgradeRecord | undefined) ?? null;
}

export async function listOrgUpgrades(orgId: string, year: number): Promise<StarUpgradeRecord[]> {
  const { data } = await database().collection(UPGRADES).where({ ratingOrgId: orgId, year }).orderBy('at', 'desc').limit(STAR_BRANCH_LIMIT).get();
  return data as StarUpgradeRecord[];
}

export async function listBranchUpgrades(branchId: string, year: number): Promise<StarUpgradeRecord[]> {
  const { data } = await database().collection(UPGRADES).where({ branchId, year }).orderBy('at', 'desc').limit(BRANCH_UPGRADE_LIMIT).get();
  return data as StarUpgradeRecord[];
}

type Decision = Pick<StarUpgradeRecord, 'decidedBy' | 'decisionReason' | 'decidedAt'>;

/** Refused once: a second decision finds the status moved and changes nothing. */
export async function refuseUpgradeIf(id: string, decision: Decision): Promise<boolean> {
  const result = (await database().collection(UPGRADES).where({ _id: id, status: 'pending' }).update({ status: 'refused', ...decision })) as { updated: number };
  return result.updated === 1;
}

/**
 * Approval raises the star and closes the application together: a star raised without its application closed (or
 * the reverse) would let the same application raise it twice. In the same transaction the cycle's `starsVersion`
 * must still be the one the quota check read (`cycleStarSet`). False when any of them moved since it was checked.
 */
export async function approveUpgrade(upgrade: StarUpgradeRecord, decision: Decision, entry: StarAssessmentRecord['history'][number], checkedVersion: number): Promise<boolean> {
  return (await database().runTransaction(async (transaction: unknown) => {
    const t = transaction as Tx;
    const { data: app } = (await t.collection(UPGRADES).doc(upgrade._id).get()) as unknown as { data: StarUpgradeRecord | null };
    const { data: doc } = (await t.collection(ASSESSMENTS).doc(upgrade.assessmentId).get()) as unknown as { data: StarAssessmentRecord | null };
    if (!app || app.status !== 'pending' || !doc || doc.status !== ('publicised' satisfies StarStatus) || doc.stars !== upgrade.fromStars) return false;
    if (!(await claimStarsVersion(t, upgrade.ratingOrgId, upgrade.year, checkedVersion))) return false;
    await t.collection(UPGRADES).doc(upgrade._id).update({ status: 'approved', ...decision });
    await t.collection(ASSESSMENTS).doc(doc._id).update({ stars: upgrade.toStars, starReason: decision.decisionReason, history: [...doc.history, entry] });
    return true;
  })) as boolean;
}
