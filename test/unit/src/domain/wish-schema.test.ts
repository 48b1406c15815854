import { verdictOf } from '../../../../src/domain/content-check';
import type { Actor } from '../../../../src/domain/roles';
import { canPostWish, managesWishes as canManageWishes, wishRelations } from '../../../../src/domain/wish.policy';
import { claimUrgency, claimDeadline, claimReminderAt } from '../../../../src/domain/wish-rules';
import { postWishInput, wishActions } from '../../../../src/domain/wish.schema';

const valid = {
  title: '新书包',
  story: '想要一个新书包',
  category: '学习用品',
  beneficiaryType: '贫困学生',
  value: 99.5,
  communityId: 'c-donghu-hubin',
  beneficiaryName: '李小明',
  beneficiaryPhone: '13812345678',
};

describe('post schema', () => {
  it('accepts a micro wish and defaults photos and onBehalf', () => {
    expect(postWishInput.parse(valid)).toMatchObject({ photos: [], onBehalf: false });
  });

  it.each([
    [{ value: 500.01 }, '微心愿的预估价值不能超过 500 元'],
    [{ value: 0 }, '预估价值应大于 0 元'],
    [{ value: 1.234 }, '预估价值最多保留两位小数'],
    [{ category: '旅游' }, '请从列表中选择心愿类别'],
    [{ beneficiaryPhone: '123' }, '手机号应为 11 位数字，以 13–19 开头'],
  ])('refuses %j with a Chinese message', (overrides, message) => {
    const result = postWishInput.safeParse({ ...valid, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it('asks for a reason when rejecting or cancelling', () => {
    expect(wishActions.review.safeParse({ wishId: 'w1', decision: 'reject' }).error?.issues[0]).toMatchObject({ path: ['reason'], message: '驳回时请填写原因' });
    expect(wishActions.move.safeParse({ wishId: 'w1', event: 'cancel' }).error?.issues[0]).toMatchObject({ path: ['reason'], message: '请填写原因' });
    expect(wishActions.move.safeParse({ wishId: 'w1', event: 'confirm' }).success).toBe(true);
  });
});

describe('wish permissions and relations', () => {
  const actor = (overrides: Partial<Actor>): Actor => ({ openid: 'x', isMember: false, communityId: null, grants: [], ...overrides });
  const hubin = { communityId: 'c-donghu-hubin', streetId: 'st-baihuazhou' };
  const league = actor({ openid: 'league', grants: [{ role: 'league_staff', scopeType: 'street', scopeId: 'st-baihuazhou', scopeName: '百花洲街道' }] });

  it('lets league staff of the street manage a community in it, not another street', () => {
    expect(canManageWishes(league, hubin)).toBe(true);
    expect(canManageWishes(league, { communityId: 'c-other', streetId: 'st-other' })).toBe(false);
  });

  it('lets residents post only where they live, staff on behalf in scope', () => {
    expect(canPostWish(actor({ communityId: 'c-donghu-hubin' }), { onBehalf: false }, hubin).ok).toBe(true);
    expect(canPostWish(actor({ communityId: 'c-other' }), { onBehalf: false }, hubin).ok).toBe(false);
    expect(canPostWish(actor({ communityId: 'c-donghu-hubin' }), { onBehalf: true }, hubin).ok).toBe(false);
    expect(canPostWish(league, { onBehalf: true }, hubin).ok).toBe(true);
  });

  it('never makes the poster a helper of their own wish, and anonymous viewers nothing', () => {
    const member = actor({ openid: 'm', isMember: true });
    expect(wishRelations(member, { ...hubin, posterOpenid: 'm', claim: null })).toEqual(['poster']);
    expect(wishRelations(member, { ...hubin, posterOpenid: 'r', claim: null })).toEqual(['helper']);
    expect(wishRelations(actor({ openid: '' }), { ...hubin, posterOpenid: 'r', claim: null })).toEqual([]);
  });
});

describe('claim deadline', () => {
  const at = new Date('2025-05-20T10:00:00+08:00');
  const claim = { deadline: claimDeadline(at), remindAt: claimReminderAt(at) };
  it('is ok for a week, due soon from day 7, overdue after day 15', () => {
    expect(claimUrgency(claim, new Date(at.getTime() + 6 * 86_400_000))).toBe('ok');
    expect(claimUrgency(claim, new Date(at.getTime() + 7 * 86_400_000))).toBe('due-soon');
    expect(claimUrgency(claim, new Date(at.getTime() + 15 * 86_400_000 + 1))).toBe('overdue');
  });
});

describe('content check verdicts', () => {
  it('reads pass / review / risky, and sends anything else to review', () => {
    expect(verdictOf({ errcode: 0, result: { suggest: 'pass' } })).toBe('pass');
    expect(verdictOf({ errcode: 0, result: { suggest: 'risky' } })).toBe('risky');
    expect(verdictOf({ errcode: 0, result: { suggest: 'review' } })).toBe('review');
    expect(verdictOf({ errcode: 40129, errmsg: 'invalid scene' })).toBe('review');
    expect(verdictOf(null)).toBe('review');
  });
});
