import type { QuestionView } from '../../../../src/domain/question.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { answerPayload, askAs, grantQaStaff, inboxOf, STAFF, STREET_STAFF, UNIT_ADMIN } from './qa-helpers';

let platform: TestPlatform;
// Friday 2025-10-10 09:00 in Shanghai: accept by Saturday 10-11 (调休上班), answer within 5 working days.
let clock = new Date('2025-10-10T01:00:00.000Z');

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await grantQaStaff(platform);
}, 60_000);

afterAll(() => platform?.close());

describe('escalation', () => {
  it('flags an unaccepted question after its deadline and puts it in the 街道 inbox, once', async () => {
    const q = await askAs(platform, undefined, { title: '垃圾清运不及时' });
    expect(q.acceptDueAt).toBe('2025-10-11T15:59:59.999Z');
    expect(errorOf(await platform.call('qa', STAFF, { action: 'escalate', id: q.id }))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '问题未超期，无需上报街道' });
    expect(await platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
    expect((await inboxOf(platform, STREET_STAFF)).map((i) => i.id)).not.toContain(q.id);

    clock = new Date('2025-10-11T16:00:01.000Z'); // Sunday 00:00:01
    const staffView = (await inboxOf(platform, STAFF)).find((i) => i.id === q.id);
    expect(staffView).toMatchObject({ overdue: true, escalated: false });

    expect(await platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 1 } });
    const streetView = (await inboxOf(platform, STREET_STAFF)).find((i) => i.id === q.id);
    expect(streetView).toMatchObject({ overdue: true, escalated: true, communityName: '湖滨社区' });
    expect(await platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
    expect(errorOf(await platform.call('qa', STAFF, { action: 'escalate', id: q.id })).code).toBe('CONFLICT');

    // The 街道 may answer it; the community sees it leave its inbox too.
    expectOk(await platform.call('qa', STREET_STAFF, answerPayload(q.id, '街道已督办环卫所，今天完成清运。')));
    expect((await inboxOf(platform, STAFF)).map((i) => i.id)).not.toContain(q.id);
    const asker = expectOk(await platform.call<QuestionView>('qa', 'demo-resident', { action: 'get', id: q.id }));
    expect(asker.thread.map((e) => e.kind)).toEqual(['escalated', 'answered']);
  });

  it('is a platform event only: a caller cannot fire the timer', async () => {
    expect(errorOf(await platform.call('qa', STAFF, { Type: 'Timer', TriggerName: 'escalateOverdue' })).code).toBe('FORBIDDEN');
  });

  it('puts the overdue first in the inbox', async () => {
    const items = await inboxOf(platform, STAFF);
    const firstNotOverdue = items.findIndex((i) => !i.overdue);
    expect(items.slice(firstNotOverdue === -1 ? items.length : firstNotOverdue).every((i) => !i.overdue)).toBe(true);
  });
});

describe('transfer', () => {
  it('keeps the community responsible until the unit accepts, then only the unit may answer', async () => {
    const q = await askAs(platform, undefined, { title: '单位宿舍区供电问题', category: '其他' });
    const pending = expectOk(await platform.call<QuestionView>('qa', STAFF, { action: 'transfer', id: q.id, toType: 'unit', toId: 'u-city-organ', reason: '属该单位宿舍区管理' }));
    expect(pending).toMatchObject({ handlerName: '湖滨社区', transfer: { toName: '南昌市直机关工委', reason: '属该单位宿舍区管理' } });
    expect((await inboxOf(platform, STAFF)).map((i) => i.id)).toContain(q.id);
    expect((await inboxOf(platform, UNIT_ADMIN)).find((i) => i.id === q.id)?.transferToName).toBe('南昌市直机关工委');
    expect(errorOf(await platform.call('qa', UNIT_ADMIN, answerPayload(q.id))).code).toBe('FORBIDDEN');

    expectOk(await platform.call('qa', UNIT_ADMIN, { action: 'acceptTransfer', id: q.id }));
    expect((await inboxOf(platform, STAFF)).map((i) => i.id)).not.toContain(q.id);
    expect(errorOf(await platform.call('qa', STAFF, answerPayload(q.id))).code).toBe('FORBIDDEN');
    expect(expectOk(await platform.call<QuestionView>('qa', UNIT_ADMIN, answerPayload(q.id, '已安排后勤处理。'))).handlerName).toBe('南昌市直机关工委');
  });

  it('a declined transfer stays with the first receiver; bad targets are refused', async () => {
    const q = await askAs(platform, undefined, { title: '楼道堆放杂物' });
    expectOk(await platform.call('qa', STAFF, { action: 'transfer', id: q.id, toType: 'unit', toId: 'u-city-organ', reason: '疑似单位职工' }));
    expect(errorOf(await platform.call('qa', STAFF, { action: 'acceptTransfer', id: q.id })).code).toBe('FORBIDDEN');
    expectOk(await platform.call('qa', UNIT_ADMIN, { action: 'declineTransfer', id: q.id, reason: '不属于本单位' }));
    expect((await inboxOf(platform, UNIT_ADMIN)).map((i) => i.id)).not.toContain(q.id);
    expect(errorOf(await platform.call('qa', STAFF, { action: 'transfer', id: q.id, toType: 'community', toId: 'c-donghu-hubin', reason: '转给自己' })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(await platform.call('qa', STAFF, { action: 'transfer', id: q.id, toType: 'unit', toId: 'u-missing', reason: '不存在的单位' })).details?.issues).toEqual([
      { field: 'toId', message: '转交的单位不存在' },
    ]);
    expect(errorOf(await platform.call('qa', STAFF, { action: 'transfer', id: q.id, toType: 'unit', toId: 'u-city-organ', reason: '' })).code).toBe('INVALID_ARGUMENT');
  });
});
