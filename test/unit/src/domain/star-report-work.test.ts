import { assertHalfNotFuture, halfOf, starReportLabel, starReportPeriod } from '../../../../src/domain/star-report';
import { starReferences } from '../../../../src/domain/star-references';
import { starWorkItems, starWorkScopes } from '../../../../src/domain/star-work';
import type { Actor } from '../../../../src/domain/roles';

describe('the half-yearly 报送 of the 星级评定情况统计表', () => {
  it('splits the year at 1 July in Shanghai, not UTC', () => {
    expect(halfOf(new Date('2026-06-30T15:59:59Z'))).toEqual({ year: 2026, half: 1 });
    expect(halfOf(new Date('2026-06-30T16:00:00Z'))).toEqual({ year: 2026, half: 2 });
    expect(halfOf(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2027, half: 1 });
  });

  it('refuses a half-year that has not begun, with the field, and keys periods apart from the quarters', () => {
    const may = new Date('2026-05-01T02:00:00Z');
    expect(() => assertHalfNotFuture(2026, 1, may)).not.toThrow();
    expect(() => assertHalfNotFuture(2025, 2, may)).not.toThrow();
    expect(() => assertHalfNotFuture(2026, 2, may)).toThrow(expect.objectContaining({ details: { issues: [{ field: 'half', message: '2026年下半年尚未开始，不能报送' }] } }));
    expect(starReportPeriod(2026, 1)).toBe('star-2026-H1');
    expect(starReportLabel(2026, 2)).toBe('2026年下半年');
  });
});

describe('reference figures beside the items', () => {
  it('counts pledges per grade and sums the 四进四联 counters per column, rounding service hours to a tenth', () => {
    const refs = starReferences({
      pledgeGrades: ['fulfilled', 'unfulfilled', null, 'partial', 'fulfilled'],
      service: { members: 10, serving: 4, hours: 12.345, activities: 7 },
      fourLinks: { scopeLabel: '所在单位', counters: [{ participants: 1, qReceived: 2 }, { participants: 2, wishFunds: 30 }] },
      questions: null,
      projectTitles: [],
    });
    expect(refs.map((r) => r.itemKey)).toEqual(['backbone', 'backbone', 'performance', 'bonus']);
    expect(refs[0].value).toBe('本年度定诺 5 项：已践诺 2 项，部分践诺 1 项，未践诺 1 项，尚未评定 1 项');
    expect(refs[1].value).toBe('本支部 10 名党员中 4 名本年度有经确认的志愿服务，共 12.3 小时、7 次');
    expect(refs[2].value).toContain('参与党员干部人次 3');
    expect(refs[2].value).toContain('提供帮扶资金数（元） 30');
    expect(refs[3].value).toBe('无');
  });
});

describe('the 五星创评 to-do list', () => {
  const actor = (openid: string, grants: Actor['grants'] = []): Actor => ({ openid, grants }) as Actor;
  const a = (branchId: string, status: 'self_assessing' | 'submitted' | 'reviewed' | 'publicised' | 'objected', reviewOrgId = 'o-parent', ratingOrgId = 'o-rater') => ({ branchId, branchName: branchId, status, reviewOrgId, ratingOrgId, year: 2026 });
  const orgStaff = (scopeId: string) => [{ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName: scopeId }] as Actor['grants'];

  it('gives the secretary 自评 of their branch, the parent 审核 and the rating organisation 评定, never on their own branch', () => {
    const secretary = actor('sec');
    const scopes = starWorkScopes(secretary, [{ _id: 'o-b1', secretaryOpenid: 'sec', contactOpenid: null }, { _id: 'o-parent', secretaryOpenid: 'sec', contactOpenid: null }]);
    const all = [a('o-b1', 'self_assessing'), a('o-b1', 'submitted'), a('o-b2', 'objected'), a('o-b3', 'reviewed'), a('o-b4', 'publicised')];
    expect(starWorkItems(all, scopes).map((i) => [i.kind, i.branchId])).toEqual([['selfAssess', 'o-b1'], ['review', 'o-b2']]);

    const rater = starWorkScopes(actor('r', orgStaff('o-rater')), []);
    expect(starWorkItems(all, rater).map((i) => [i.kind, i.branchId])).toEqual([['rate', 'o-b3']]);
    // A contact of the branch rates elsewhere but never their own branch.
    const contact = starWorkScopes(actor('c', orgStaff('o-rater')), [{ _id: 'o-b3', secretaryOpenid: null, contactOpenid: 'c' }]);
    expect(starWorkItems(all, contact)).toEqual([]);
  });
});
