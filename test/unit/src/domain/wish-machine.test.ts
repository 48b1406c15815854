import fc from 'fast-check';
import {
  CLAIM_HOLDING,
  TRANSITIONS,
  WISH_EVENTS,
  WISH_RELATIONS,
  WISH_STATUSES,
  availableEvents,
  decide,
  type WishEvent,
  type WishFacts,
  type WishRelation,
  type WishStatus,
} from '../../../../src/domain/wish-machine';
import { claimDeadline } from '../../../../src/domain/wish-rules';

const T0 = new Date('2025-05-20T10:00:00+08:00');
const DAY = 24 * 60 * 60 * 1000;

/**
 * A model of the server: one wish, several people, a conditional update (compare-and-set on status) for every
 * move. Claims record who holds them, so "two live claims" would be visible.
 */
interface Model {
  facts: WishFacts;
  claimant: string | null;
  claimsEver: number;
}

const PEOPLE = ['poster', 'memberA', 'memberB', 'staff'] as const;
type Person = (typeof PEOPLE)[number];

function relationsOf(person: Person, model: Model): WishRelation[] {
  const r: WishRelation[] = [];
  if (person === 'poster') r.push('poster');
  if (person === 'staff') r.push('staff');
  if (person === 'memberA' || person === 'memberB') r.push('helper');
  if (model.claimant === person) r.push('claimant');
  return r;
}

function apply(model: Model, person: Person, event: WishEvent, now: Date): Model {
  const decision = decide(model.facts, event, relationsOf(person, model), now);
  if (!decision.ok) return model;
  const claiming = event === 'claim';
  const ending = model.facts.status === 'claimed' && decision.to === 'published';
  return {
    facts: { ...model.facts, status: decision.to, claimDeadline: claiming ? claimDeadline(now) : ending ? null : model.facts.claimDeadline },
    claimant: claiming ? person : ending ? null : model.claimant,
    claimsEver: model.claimsEver + (claiming ? 1 : 0),
  };
}

const step = fc.record({
  person: fc.constantFrom(...PEOPLE),
  event: fc.constantFrom(...WISH_EVENTS),
  advanceDays: fc.integer({ min: 0, max: 10 }),
});

describe('the wish state machine', () => {
  it('is exhaustive: every event names a target state and sources that exist', () => {
    for (const e of WISH_EVENTS) {
      expect(WISH_STATUSES).toContain(TRANSITIONS[e].to);
      for (const from of TRANSITIONS[e].from) expect(WISH_STATUSES).toContain(from);
      for (const by of TRANSITIONS[e].by) expect(WISH_RELATIONS).toContain(by);
    }
  });

  it('never reaches an undefined state, and a claim is held exactly while claimed or fulfilled', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let model: Model = { facts: { status: 'submitted', publishAt: T0, claimDeadline: null }, claimant: null, claimsEver: 0 };
        let now = T0;
        for (const s of steps) {
          now = new Date(now.getTime() + s.advanceDays * DAY);
          model = apply(model, s.person, s.event, now);
          expect(WISH_STATUSES).toContain(model.facts.status);
          const holding = CLAIM_HOLDING.includes(model.facts.status) || model.facts.status === 'closed';
          if (holding && model.facts.status !== 'closed') expect(model.claimant).not.toBeNull();
          if (model.facts.status === 'published' || model.facts.status === 'submitted') expect(model.claimant).toBeNull();
          if (model.claimant) expect(['memberA', 'memberB']).toContain(model.claimant);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives a wish at most one live claim however claims interleave', () => {
    // Many claimers read the same state, then race: the conditional update lets through only the first whose
    // expected status still holds.
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Person>('memberA', 'memberB'), { minLength: 2, maxLength: 20 }), (racers) => {
        let stored: Model = { facts: { status: 'published', publishAt: T0, claimDeadline: null }, claimant: null, claimsEver: 0 };
        const seen = stored.facts.status;
        let winners = 0;
        for (const racer of racers) {
          const decision = decide({ ...stored.facts, status: seen }, 'claim', relationsOf(racer, stored), T0);
          if (decision.ok && stored.facts.status === seen) {
            stored = apply(stored, racer, 'claim', T0);
            winners++;
          }
        }
        expect(winners).toBe(1);
        expect(stored.facts.status).toBe('claimed');
      }),
    );
  });

  it('offers as buttons exactly the moves it would allow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WISH_STATUSES),
        fc.subarray([...WISH_RELATIONS]),
        fc.integer({ min: -20, max: 20 }),
        (status: WishStatus, relations: WishRelation[], days: number) => {
          const facts: WishFacts = { status, publishAt: T0, claimDeadline: claimDeadline(T0) };
          const now = new Date(T0.getTime() + days * DAY);
          const offered = availableEvents(facts, relations, now);
          for (const e of WISH_EVENTS) expect(offered.includes(e)).toBe(decide(facts, e, relations, now).ok);
        },
      ),
    );
  });
});

describe('decisions people notice', () => {
  const published: WishFacts = { status: 'published', publishAt: T0, claimDeadline: null };
  const claimed: WishFacts = { status: 'claimed', publishAt: T0, claimDeadline: claimDeadline(T0) };

  it('says 已被认领 to a second claimer', () => {
    expect(decide(claimed, 'claim', ['helper'], T0)).toEqual({ ok: false, code: 'CONFLICT', message: '该心愿已被认领' });
  });

  it('refuses the poster claiming their own wish', () => {
    expect(decide(published, 'claim', ['poster'], T0)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '不能认领自己发布的心愿' });
  });

  it('refuses closing a wish that was never claimed', () => {
    expect(decide(published, 'confirm', ['poster'], T0)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('holds a campaign wish until its time', () => {
    const later = { ...published, publishAt: new Date(T0.getTime() + DAY) };
    expect(decide(later, 'claim', ['helper'], T0)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(decide(later, 'claim', ['helper'], new Date(T0.getTime() + DAY))).toEqual({ ok: true, to: 'claimed' });
  });

  it('lets staff release only after the 15-day deadline', () => {
    expect(decide(claimed, 'release', ['staff'], new Date(T0.getTime() + 15 * DAY))).toMatchObject({ ok: false });
    expect(decide(claimed, 'release', ['staff'], new Date(T0.getTime() + 15 * DAY + 1))).toEqual({ ok: true, to: 'published' });
  });
});
