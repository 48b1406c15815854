import { matches } from '../../../../src/domain/condition';
import { claimCondition, effectOf, NEEDS_REASON } from '../../../../src/domain/wish-machine';
import { slotCondition } from '../../../../src/domain/wish-rules';
import { awaitsReview, reviewFields } from '../../../../src/domain/review';

const now = new Date('2025-06-01T09:00:00+08:00');

describe('a condition written once, checked in memory as the database checks it', () => {
  it('the claim takes only a published wish that is open and not the claimer’s own', () => {
    const wish = { status: 'published', publishAt: new Date('2025-05-31T00:00:00+08:00'), posterOpenid: 'poster' };
    expect(matches(wish, claimCondition('helper', now))).toBe(true);
    expect(matches(wish, claimCondition('poster', now))).toBe(false);
    expect(matches({ ...wish, status: 'claimed' }, claimCondition('helper', now))).toBe(false);
    expect(matches({ ...wish, publishAt: new Date('2025-06-02T00:00:00+08:00') }, claimCondition('helper', now))).toBe(false);
  });

  it('a holder under both limits may take one more claim', () => {
    const campaign = { id: 'cp1', perPersonLimit: 1 };
    expect(matches({ open: 1, campaigns: {} }, slotCondition(2, campaign))).toBe(true);
    expect(matches({ open: 2, campaigns: {} }, slotCondition(2, null))).toBe(false);
    expect(matches({ open: 0, campaigns: { cp1: 1 } }, slotCondition(2, campaign))).toBe(false);
  });
});

describe('a wish transition’s whole effect', () => {
  it('a cancelled claim clears the claim and its proposal, gives back its campaign allowance and holds the open slot', () => {
    expect(effectOf('cancel', { status: 'claimed', delivery: null, claimDeadline: now }, now)).toEqual({
      to: 'published',
      changes: { status: 'published', claim: null, proposal: null },
      slot: 'hold',
    });
  });

  it('a delivered claim stops being open; a revoked published wish held no slot', () => {
    expect(effectOf('deliver', { status: 'claimed', delivery: null, claimDeadline: now }, now).slot).toBe('deliver');
    expect(effectOf('revoke', { status: 'published', delivery: null, claimDeadline: null }, now).slot).toBeNull();
  });

  it('销号 on time counts in the ledger', () => {
    const { changes } = effectOf('confirm', { status: 'fulfilled', delivery: { at: new Date(now.getTime() - 1) }, claimDeadline: now }, now);
    expect(changes).toMatchObject({ status: 'closed', closedAt: now, 'ledger.closed': 1, 'ledger.closedOnTime': 1 });
  });

  it('lists the events that need a reason once', () => {
    expect(NEEDS_REASON).toEqual(['reject', 'cancel', 'release', 'revoke']);
  });
});

describe('a review happens once', () => {
  it('only a pending 报到 or log is reviewed, and a rejection keeps its reason', () => {
    expect(awaitsReview({ status: 'pending' }, 'log').ok).toBe(true);
    expect(awaitsReview({ status: 'confirmed' }, 'log')).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: '该记录已处理，无需重复操作' });
    expect(reviewFields('reject', { openid: 's', name: '王', at: now }, '照片不清楚')).toMatchObject({ status: 'rejected', rejectReason: '照片不清楚', reviewedBy: 's' });
  });
});
