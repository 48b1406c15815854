import { participantFacts, recounted } from '../../../../src/domain/stat-recount';

const row = (openid: string, communityId: string | null, unitId: string | null, firstDate: string) => ({ openid, communityId, unitId, firstDate });

describe('participantFacts: the distinct 参与 count of a month, recomputed', () => {
  it('counts a member once per scope, in the month of their earliest confirmed service of the quarter', () => {
    const facts = participantFacts('2026-11', [
      row('m1', 'c-a', 'u-1', '2026-11-03'),
      // The same member served a second community: once more for that community, not again for the unit.
      row('m1', 'c-b', 'u-1', '2026-11-20'),
      // Already a participant in October: not counted again in November.
      row('m2', 'c-a', 'u-1', '2026-10-31'),
      row('m3', 'c-a', null, '2026-11-30'),
    ]);
    const docs = recounted(facts);
    expect(docs.get('community:c-a:2026-11')?.values.participants).toBe(2);
    expect(docs.get('community:c-b:2026-11')?.values.participants).toBe(1);
    expect(docs.get('unit:u-1:2026-11')?.values.participants).toBe(1);
  });

  it('moves a member to an earlier month when their earlier service was confirmed later', () => {
    const facts = participantFacts('2026-10', [row('m1', 'c-a', 'u-1', '2026-11-02'), row('m1', 'c-a', 'u-1', '2026-10-15')]);
    expect(recounted(facts).get('unit:u-1:2026-10')?.values.participants).toBe(1);
    expect(participantFacts('2026-11', [row('m1', 'c-a', 'u-1', '2026-11-02'), row('m1', 'c-a', 'u-1', '2026-10-15')])).toEqual([]);
  });

  it('reconciles every counter field, satisfaction and a unit’s received questions included', () => {
    const doc = recounted([{ period: '2026-10', communityId: null, unitId: 'u-1', values: { qReceived: 2 } }]).get('unit:u-1:2026-10');
    expect(doc?.values).toMatchObject({ qReceived: 2, qRated: 0, qSatisfied: 0, qUnsatisfied: 0, participants: 0 });
  });
});
