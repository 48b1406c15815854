import type { PledgeView } from '../../../../src/domain/pledge.schema';
import { localTemplateId } from '../../../../src/domain/notice-templates';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { requestId } from '../../../fixtures/builders';
import { MEMBER, STAFF_MEMBER } from '../../../fixtures/personas';

/**
 * 评诺 reminders through the org function's one daily timer: nothing before December; from 1 December the branch
 * secretary (周敏, STAFF_MEMBER) hears how many pledges wait and the member that theirs will be rated — once each,
 * however often the timer runs, and a member who subscribes later still hears. A fake clock moves the year.
 */
let platform: TestPlatform;
let clock = new Date('2026-03-02T02:00:00.000Z');

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);
afterAll(() => platform?.close());

const org = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('org', openid, payload);
const reviewNotices = (openid: string) =>
  platform.emulator.wx.outbox().filter((m) => m.touser === openid && m.template_id === localTemplateId('pledgeReviewDue'));

describe('the year-end 评诺 reminder', () => {
  it('reminds the secretary and the member once in December, and nothing before', async () => {
    const made = [];
    for (const text of ['每月到社区开展一次政策宣讲', '结对帮扶两户困难家庭']) {
      made.push(expectOk(await org<PledgeView>(MEMBER, { action: 'createPledge', text, category: '志愿服务', targetDate: '2026-10-31', requestId: requestId('pledge') })));
    }
    for (const p of made) expectOk(await org(STAFF_MEMBER, { action: 'reviewPledge', pledgeId: p.id, decision: 'approve' }));
    // Two grants: a second send would have a grant to use, so only the record of what was sent prevents it.
    await platform.grantSubscription(STAFF_MEMBER, 'pledgeReviewDue');
    await platform.grantSubscription(STAFF_MEMBER, 'pledgeReviewDue');

    clock = new Date('2026-11-30T01:00:00.000Z'); // 30 November, 09:00 Shanghai
    await platform.fireTimer('org', 'dailyReminders');
    expect(reviewNotices(STAFF_MEMBER)).toHaveLength(0);
    expect(reviewNotices(MEMBER)).toHaveLength(0);

    // 1 December: the member has not subscribed yet, so WeChat refuses theirs (43101) and it is not counted as told.
    clock = new Date('2026-12-01T01:00:00.000Z');
    await platform.fireTimer('org', 'dailyReminders');
    await platform.fireTimer('org', 'dailyReminders');
    expect(reviewNotices(STAFF_MEMBER)).toHaveLength(1);
    expect(reviewNotices(MEMBER)).toHaveLength(0);

    // The member subscribes (twice) on the 2nd: the next run tells them, and only once.
    await platform.grantSubscription(MEMBER, 'pledgeReviewDue');
    await platform.grantSubscription(MEMBER, 'pledgeReviewDue');
    clock = new Date('2026-12-02T01:00:00.000Z');
    expect(await platform.fireTimer('org', 'dailyReminders')).toMatchObject({ ok: true, data: { pledges: { secretaries: 0, members: 1 } } });
    clock = new Date('2026-12-03T01:00:00.000Z');
    await platform.fireTimer('org', 'dailyReminders');

    const secretary = reviewNotices(STAFF_MEMBER);
    expect(secretary).toHaveLength(1);
    expect(secretary[0].page).toBe('packages/org/pages/pledge-review/index?orgId=o-b-organ-1');
    expect(secretary[0].data).toMatchObject({ thing1: { value: '机关第一党支部' }, thing2: { value: '2026年有2项承诺待评诺' }, date3: { value: '2026年12月31日' } });
    const member = reviewNotices(MEMBER);
    expect(member).toHaveLength(1);
    expect(member[0]).toMatchObject({ page: 'packages/org/pages/my-pledges/index', data: { thing1: { value: '2026年的2项承诺' } } });
    expect(JSON.stringify(secretary.concat(member).map((m) => m.data))).not.toContain('demo-');
  });

  it('refuses a timer event sent by a caller instead of the platform', async () => {
    const forged = await platform.call('org', 'pr-forger', { Type: 'Timer', TriggerName: 'dailyReminders' });
    expect(errorOf(forged).code).toBe('FORBIDDEN');
  });
});
