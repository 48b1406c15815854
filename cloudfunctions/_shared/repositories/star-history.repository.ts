import type { StarAssessmentRecord } from './star.repository';
import { database } from '../sdk';

/** A branch's assessments, newest year first (index `branch_year`); a branch has one a year, so 20 is two decades. */
export async function listBranchAssessments(branchId: string, limit = 20): Promise<Pick<StarAssessmentRecord, 'year' | 'status' | 'stars' | 'publicityEndsAt'>[]> {
  const { data } = await database()
    .collection('star_assessments')
    .where({ branchId })
    .orderBy('year', 'desc')
    .field({ year: true, status: true, stars: true, publicityEndsAt: true })
    .limit(limit)
    .get();
  return data as Pick<StarAssessmentRecord, 'year' | 'status' | 'stars' | 'publicityEndsAt'>[];
}
