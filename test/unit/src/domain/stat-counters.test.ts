import { incrementsOf, participantMarkersOf, questionTransitionsOf, sumCounters, wishTransitionsOf, type QuestionFacts } from '../../../../src/domain/stat-counters';
import { recounted, driftOf } from '../../../../src/domain/stat-recount';

const place = { communityId: 'c1', unitId: 'u1' };
// 2026-09-30 23:59:59.999 and 2026-10-01 00:00 in Shanghai: the last instant of Q3 and the first of Q4.
const LAST_OF_SEPTEMBER = new Date('2026-09-30T15:59:59.999Z');
const FIRST_OF_OCTOBER = new Date('2026-09-30T16:00:00.000Z');

describe('incrementsOf: a transition to its counter increments', () => {
  it('counts in every scope of its place, in the Shanghai month it happened, and in the community’s all-time total', () => {
    expect(incrementsOf({ kind: 'wishClaimed', at: LAST_OF_SEPTEMBER, place: { ...place, communityName: '湖滨社区' } })).toEqual([
      { id: 'community:c1:2026-09', scopeType: 'community', scopeId: 'c1', period: '2026-09', inc: { wishClaimed: 1 }, name: '湖滨社区' },
      { id: 'community:c1:total', scopeType: 'community', scopeId: 'c1', period: 'total', inc: { wishClaimed: 1 }, name: '湖滨社区' },
      { id: 'unit:u1:2026-09', scopeType: 'unit', scopeId: 'u1', period: '2026-09', inc: { wishClaimed: 1 } },
    ]);
    expect(incrementsOf({ kind: 'wishClaimed', at: FIRST_OF_OCTOBER, place: { communityId: 'c1', unitId: null } }).map((i) => i.id)).toEqual(['community:c1:2026-10', 'community:c1:total']);
  });

  it('closes a wish with its value and whether it was on time; zero fields are not written', () => {
    expect(incrementsOf({ kind: 'wishClosed', at: FIRST_OF_OCTOBER, place, onTime: false, value: 120 })[0].inc).toEqual({ wishClosed: 1, wishFunds: 120 });
    expect(incrementsOf({ kind: 'wishClosed', at: FIRST_OF_OCTOBER, place, onTime: true, value: 0 })[0].inc).toEqual({ wishClosed: 1, wishClosedOnTime: 1 });
  });

  it('adds a correction’s difference in hours, in tenths, without counting another log', () => {
    expect(incrementsOf({ kind: 'serviceConfirmed', at: FIRST_OF_OCTOBER, place, hours: 2.5, replacedHours: 0 })[0].inc).toEqual({ serviceTenths: 25, serviceConfirmed: 1 });
    expect(incrementsOf({ kind: 'serviceConfirmed', at: FIRST_OF_OCTOBER, place, hours: 1.5, replacedHours: 2.5 })[0].inc).toEqual({ serviceTenths: -10 });
  });

  it('a 报到 reviewed counts as reviewed, and as confirmed only when confirmed', () => {
    expect(incrementsOf({ kind: 'checkinReviewed', at: FIRST_OF_OCTOBER, place, confirmed: true })[0].inc).toEqual({ checkinReviewed: 1, checkinConfirmed: 1 });
    expect(incrementsOf({ kind: 'checkinReviewed', at: FIRST_OF_OCTOBER, place, confirmed: false })[0].inc).toEqual({ checkinReviewed: 1 });
  });

  it('answers count on time or overdue; ratings satisfied or not', () => {
    expect(incrementsOf({ kind: 'questionAnswered', at: FIRST_OF_OCTOBER, place, onTime: false })[0].inc).toEqual({ qAnswered: 1, qOverdue: 1 });
    expect(incrementsOf({ kind: 'questionRated', at: FIRST_OF_OCTOBER, place, satisfied: true })[0].inc).toEqual({ qRated: 1, qSatisfied: 1 });
  });
});

describe('participant markers', () => {
  it('mark a member once per scope and quarter, counting in the month of the first confirmed service', () => {
    const markers = participantMarkersOf({ kind: 'serviceConfirmed', at: FIRST_OF_OCTOBER, place, hours: 2, replacedHours: 0 }, 'm1');
    expect(markers.map((m) => m.id)).toEqual(['participant:community:c1:2026-Q4:m1', 'participant:unit:u1:2026-Q4:m1']);
    expect(markers[0].increment).toMatchObject({ id: 'community:c1:2026-10', inc: { participants: 1 } });
    expect(participantMarkersOf({ kind: 'serviceConfirmed', at: LAST_OF_SEPTEMBER, place, hours: 2, replacedHours: 0 }, 'm1')[0].id).toBe('participant:community:c1:2026-Q3:m1');
    // A correction is the same participation.
    expect(participantMarkersOf({ kind: 'serviceConfirmed', at: FIRST_OF_OCTOBER, place, hours: 2, replacedHours: 1 }, 'm1')).toEqual([]);
  });
});

describe('wishTransitionsOf: read from the ledger flags of the same write', () => {
  const wish = { communityId: 'c1', communityName: '湖滨社区', value: 80, claim: { unitId: null, memberUnitId: 'u9' } };
  it('claims and closes count for the claimant’s unit; posting only for the community', () => {
    expect(wishTransitionsOf({ 'ledger.posted': 1 }, wish, FIRST_OF_OCTOBER)).toEqual([{ kind: 'wishPosted', at: FIRST_OF_OCTOBER, place: { communityId: 'c1', communityName: '湖滨社区', unitId: null } }]);
    expect(wishTransitionsOf({ ledger: { posted: 1, claimed: 0 } }, wish, FIRST_OF_OCTOBER).map((t) => t.kind)).toEqual(['wishPosted']);
    expect(wishTransitionsOf({ 'ledger.claimed': 1 }, wish, FIRST_OF_OCTOBER)[0].place).toEqual({ communityId: 'c1', communityName: '湖滨社区', unitId: 'u9' });
    expect(wishTransitionsOf({ 'ledger.closed': 1, 'ledger.closedOnTime': 1 }, { ...wish, claim: { unitId: 'u2', memberUnitId: null } }, FIRST_OF_OCTOBER)).toEqual([
      { kind: 'wishClosed', at: FIRST_OF_OCTOBER, place: { communityId: 'c1', communityName: '湖滨社区', unitId: 'u2' }, onTime: true, value: 80 },
    ]);
    expect(wishTransitionsOf({ status: 'fulfilled' }, wish, FIRST_OF_OCTOBER)).toEqual([]);
  });
});

describe('questionTransitionsOf: firsts only', () => {
  const asked: QuestionFacts = {
    communityId: 'c1',
    communityName: '湖滨社区',
    handler: { type: 'community', id: 'c1' },
    askedAt: LAST_OF_SEPTEMBER,
    acceptedAt: null,
    firstAnsweredAt: null,
    answeredOnTime: null,
    escalated: false,
    escalatedAt: null,
    rating: null,
  };
  it('counts the ask at its time, then accept, answer, escalation and rating once each', () => {
    expect(questionTransitionsOf(null, asked, FIRST_OF_OCTOBER)).toEqual([{ kind: 'questionReceived', at: LAST_OF_SEPTEMBER, place: { communityId: 'c1', communityName: '湖滨社区', unitId: null } }]);
    const answered = { ...asked, acceptedAt: FIRST_OF_OCTOBER, firstAnsweredAt: FIRST_OF_OCTOBER, answeredOnTime: true };
    expect(questionTransitionsOf(asked, answered, FIRST_OF_OCTOBER).map((t) => t.kind)).toEqual(['questionAccepted', 'questionAnswered']);
    // A second answer after a reopen is no new first answer.
    expect(questionTransitionsOf(answered, { ...answered, rating: '不满意' }, FIRST_OF_OCTOBER)).toEqual([
      { kind: 'questionRated', at: FIRST_OF_OCTOBER, place: { communityId: 'c1', communityName: '湖滨社区', unitId: null }, satisfied: false },
    ]);
  });

  it('a transfer a unit accepted is received by the unit then', () => {
    const toUnit = { ...asked, handler: { type: 'unit' as const, id: 'u1' } };
    expect(questionTransitionsOf(asked, toUnit, FIRST_OF_OCTOBER)).toEqual([{ kind: 'questionReceived', at: FIRST_OF_OCTOBER, place: { communityId: null, unitId: 'u1' } }]);
  });
});

describe('sums and recounts', () => {
  it('sums month documents, missing fields as zero', () => {
    const total = sumCounters([{ wishClosed: 2 }, { wishClosed: 1, qAnswered: 4 }]);
    expect(total.wishClosed).toBe(3);
    expect(total.qAnswered).toBe(4);
    expect(total.participants).toBe(0);
  });

  it('recounts facts per scope and reports only the drifted fields', () => {
    const docs = recounted([
      { period: '2026-10', communityId: 'c1', unitId: 'u1', values: { wishClosed: 2 } },
      { period: '2026-10', communityId: 'c1', unitId: null, values: { wishClosed: 1, qReceived: 3 } },
    ]);
    const community = docs.get('community:c1:2026-10')!;
    expect(community.values).toMatchObject({ wishClosed: 3, qReceived: 3, serviceTenths: 0 });
    // A unit's received questions come from its accepted transfers (facts of their own), not the community's asks.
    expect(docs.get('unit:u1:2026-10')!.values).toMatchObject({ qReceived: 0, wishClosed: 2 });
    expect(driftOf({ wishClosed: 3, qReceived: 3 }, community)).toEqual({});
    // Every field is reconciled: a stored distinct 参与 count without its facts drifted.
    expect(driftOf({ wishClosed: 3, qReceived: 3, participants: 7 }, community)).toEqual({ participants: 0 });
    expect(driftOf({ wishClosed: 5, qReceived: 3 }, community)).toEqual({ wishClosed: 3 });
  });
});
