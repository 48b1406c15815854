import type { PublicQuestion, QaFigures, QuestionSummary, QuestionView } from '../../../../src/domain/question.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { answerPayload, askAs, grantQaStaff, HUBIN, inboxOf, OTHER_STAFF, question, requestId, RESIDENT, STAFF } from './qa-helpers';

let platform: TestPlatform;
// Tuesday 2025-09-30 10:00 in Shanghai, the day before the National Day week.
let clock = new Date('2025-09-30T02:00:00.000Z');

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await grantQaStaff(platform);
}, 60_000);

afterAll(() => platform?.close());

const mine = async () => expectOk(await platform.call<{ items: QuestionSummary[] }>('qa', RESIDENT, { action: 'mine' })).items;
const figures = async () => expectOk(await platform.call<QaFigures>('qa', null, { action: 'figures', communityId: HUBIN, from: '2025-09-01', to: '2025-12-31' }));

describe('asking', () => {
  it('puts the question in the community inbox with working-day deadlines', async () => {
    const q = await askAs(platform);
    expect(q).toMatchObject({ status: 'submitted', communityName: '湖滨社区', askerName: '张三', overdue: false });
    expect(q.acceptDueAt).toBe('2025-10-09T15:59:59.999Z');
    expect(q.answerDueAt).toBe('2025-10-14T15:59:59.999Z');
    const item = (await inboxOf(platform, STAFF)).find((i) => i.id === q.id);
    expect(item).toMatchObject({ status: 'submitted', dueAt: '2025-10-09T15:59:59.999Z', askerName: '张三' });
    expect((await mine()).map((m) => m.id)).toContain(q.id);
  });

  it('tells each viewer the moves they may make, from the same policy and machine the moves are checked with', async () => {
    const q = await askAs(platform);
    expect(q.viewer.actions).toEqual([]);
    const staffView = expectOk(await platform.call<QuestionView>('qa', STAFF, { action: 'get', id: q.id }));
    expect(staffView.viewer.actions).toEqual(['accept', 'answer', 'transfer']);
    const accepted = expectOk(await platform.call<QuestionView>('qa', STAFF, { action: 'accept', id: q.id }));
    expect(accepted.viewer.actions).toEqual(['answer', 'transfer']);
    const answered = expectOk(await platform.call<QuestionView>('qa', STAFF, answerPayload(q.id)));
    expect(answered.viewer.actions).toEqual([]);
    const asker = expectOk(await platform.call<QuestionView>('qa', RESIDENT, { action: 'get', id: q.id }));
    expect(asker.viewer.actions).toEqual(['followUp', 'rate']);
  });

  it('returns the first question when the same ask is retried', async () => {
    const payload = question({ requestId: 'qa-retry-000001', title: '重试只提一次' });
    const [a, b] = await Promise.all([platform.call<QuestionView>('qa', RESIDENT, payload), platform.call<QuestionView>('qa', RESIDENT, payload)]);
    expect(expectOk(a).id).toBe(expectOk(b).id);
    expect((await mine()).filter((m) => m.title === '重试只提一次')).toHaveLength(1);
  });
});

describe('bad input: a code and a Chinese message, nothing written', () => {
  const refused = async (payload: Record<string, unknown>, openid = RESIDENT) => {
    const before = (await mine()).length;
    const error = errorOf(await platform.call('qa', openid, payload));
    expect((await mine()).length).toBe(before);
    return error;
  };

  it('empty and over-long text, a category not in the list', async () => {
    const error = await refused(question({ title: '', content: '长'.repeat(1001), category: '闲聊' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual([
      { field: 'title', message: '标题至少 4 个字' },
      { field: 'content', message: '问题内容不能超过 1000 个字' },
      { field: 'category', message: '请从列表中选择问题类别' },
    ]);
  });

  it('a target the asker cannot address', async () => {
    const error = await refused(question({ communityId: 'c-xihu-chaoyang' }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: '只能向您居住的社区提问' });
    expect(errorOf(await platform.call('qa', 'qa-no-community', question())).code).toBe('FAILED_PRECONDITION');
  });

  it('risky text', async () => {
    expect((await refused(question({ content: '这里有 risky-test-word 的内容，请处理一下' }))).code).toBe('CONTENT_REJECTED');
  });

  it('a photo that is not the asker’s upload', async () => {
    const error = await refused(question({ photos: ['cloud://env.bucket/uploads/someone-else/a.jpg'] }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues?.[0].field).toBe('photos.0');
  });

  it('answering a question of another community', async () => {
    const q = await askAs(platform);
    const error = errorOf(await platform.call('qa', OTHER_STAFF, answerPayload(q.id)));
    expect(error.code).toBe('FORBIDDEN');
    expect(expectOk(await platform.call<QuestionView>('qa', RESIDENT, { action: 'get', id: q.id })).status).toBe('submitted');
  });

  it('rating twice and a second follow-up', async () => {
    const q = await askAs(platform);
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id)));
    expectOk(await platform.call('qa', RESIDENT, { action: 'followUp', id: q.id, content: '大概什么时候能修好？', requestId: requestId() }));
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id, '明天上午维修师傅上门。')));
    const second = errorOf(await platform.call('qa', RESIDENT, { action: 'followUp', id: q.id, content: '再追问一次可以吗？', requestId: requestId() }));
    expect(second).toMatchObject({ code: 'CONFLICT', message: '每个问题只能追问一次' });
    expectOk(await platform.call('qa', RESIDENT, { action: 'rate', id: q.id, rating: '满意', requestId: requestId() }));
    const twice = errorOf(await platform.call('qa', RESIDENT, { action: 'rate', id: q.id, rating: '不满意', requestId: requestId() }));
    expect(twice).toMatchObject({ code: 'CONFLICT', message: '已评价过，不能重复评价' });
    expect(expectOk(await platform.call<QuestionView>('qa', RESIDENT, { action: 'get', id: q.id })).rating).toBe('满意');
  });

  it('someone else following up or rating', async () => {
    const q = await askAs(platform);
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id)));
    expect(errorOf(await platform.call('qa', 'demo-member', { action: 'rate', id: q.id, rating: '不满意', requestId: requestId() })).code).toBe('FORBIDDEN');
  });
});

describe('answer, rate, public page', () => {
  it('tells the asker by subscribe message, and the rated answer shows publicly with the name masked', async () => {
    const before = await figures();
    await platform.grantSubscription(RESIDENT, 'questionAnswered');
    const q = await askAs(platform, RESIDENT, { title: '社区食堂开放时间', content: '请问社区长者食堂每天几点开放，周末营业吗？', category: '办事指南' });
    clock = new Date('2025-10-09T01:00:00.000Z');
    expectOk(await platform.call('qa', STAFF, { action: 'accept', id: q.id }));
    const answered = expectOk(await platform.call<QuestionView>('qa', STAFF, answerPayload(q.id, '长者食堂每天 11:00–13:00 开放，周末照常。')));
    expect(answered.status).toBe('answered');
    const sent = platform.emulator.wx.outbox().filter((m) => m.touser === RESIDENT && m.page === `pages/question-detail/index?id=${q.id}`);
    expect(sent).toHaveLength(1);
    expect(sent[0].data.thing1.value).toBe('社区食堂开放时间');

    expectOk(await platform.call('qa', RESIDENT, { action: 'rate', id: q.id, rating: '满意', requestId: requestId() }));
    const page = await platform.call<{ items: PublicQuestion[] }>('qa', null, { action: 'publicList', communityId: HUBIN });
    const shown = expectOk(page).items.find((i) => i.id === q.id);
    expect(shown).toMatchObject({ askerName: '张*', answer: '长者食堂每天 11:00–13:00 开放，周末照常。', rating: '满意', progress: 'closed' });
    expect(JSON.stringify(expectOk(page))).not.toContain('张三');
    expect(JSON.stringify(expectOk(page))).not.toContain(RESIDENT);

    const after = await figures();
    expect(after.received).toBe(before.received + 1);
    expect(after.answered).toBe(before.answered + 1);
    expect(after.answeredOnTime).toBe(before.answeredOnTime + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.satisfied).toBe(before.satisfied + 1);
    expect(after.satisfactionRate).toBeGreaterThan(0);
  });

  it('keeps a private question off the public page and from anonymous readers', async () => {
    const q = await askAs(platform, RESIDENT, { isPublic: false, title: '家中私事咨询' });
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id)));
    const page = expectOk(await platform.call<{ items: PublicQuestion[] }>('qa', null, { action: 'publicList', communityId: HUBIN }));
    expect(page.items.map((i) => i.id)).not.toContain(q.id);
    expect(errorOf(await platform.call('qa', null, { action: 'get', id: q.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await platform.call('qa', 'demo-member', { action: 'get', id: q.id })).code).toBe('NOT_FOUND');
  });
});

describe('reopen', () => {
  it('不满意 reopens it once into the inbox; the second 不满意 closes it', async () => {
    const q = await askAs(platform);
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id)));
    const reopened = expectOk(await platform.call<QuestionView>('qa', RESIDENT, { action: 'rate', id: q.id, rating: '不满意', comment: '灯还是不亮', requestId: requestId() }));
    expect(reopened).toMatchObject({ status: 'accepted', reopened: true, rating: null });
    expect((await inboxOf(platform, STAFF)).map((i) => i.id)).toContain(q.id);
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id, '已更换灯具，请再看看。')));
    const closed = expectOk(await platform.call<QuestionView>('qa', RESIDENT, { action: 'rate', id: q.id, rating: '不满意', requestId: requestId() }));
    expect(closed).toMatchObject({ status: 'closed', rating: '不满意' });
    expect((await inboxOf(platform, STAFF)).map((i) => i.id)).not.toContain(q.id);
  });
});

describe('a reopened question in public', () => {
  it('shows it as 重新办理中 with the answer marked as the one not accepted, and counts its 不满意 in 满意率', async () => {
    const before = await figures();
    const q = await askAs(platform, RESIDENT, { title: '楼道照明维修', content: '三单元楼道灯坏了一周，晚上很黑。' });
    expectOk(await platform.call('qa', STAFF, answerPayload(q.id, '已安排电工检查。')));
    expectOk(await platform.call('qa', RESIDENT, { action: 'rate', id: q.id, rating: '不满意', comment: '灯还是不亮', requestId: requestId() }));

    const page = expectOk(await platform.call<{ items: PublicQuestion[] }>('qa', null, { action: 'publicList', communityId: HUBIN }));
    expect(page.items.find((i) => i.id === q.id)).toMatchObject({ progress: 'reopened', answer: '已安排电工检查。', rating: null });

    const after = await figures();
    expect(after.rated).toBe(before.rated + 1);
    expect(after.satisfied).toBe(before.satisfied);
    expect(after.satisfactionRate).toBe(after.rated > 0 ? Math.round((after.satisfied / after.rated) * 1000) / 1000 : null);
  });
});

describe('budgets', () => {
  it('inbox and public page ≤ 2 round trips, figures ≤ 3', async () => {
    const inbox = await platform.call('qa', STAFF, { action: 'inbox' });
    const page = await platform.call('qa', null, { action: 'publicList', communityId: HUBIN });
    const counted = await platform.call('qa', null, { action: 'figures', communityId: HUBIN, from: '2025-01-01', to: '2025-12-31' });
    expect([inbox, page, counted].every((r) => r.body.ok)).toBe(true);
    expect(await platform.roundTrips(inbox.invocationId)).toBeLessThanOrEqual(2);
    expect(await platform.roundTrips(page.invocationId)).toBeLessThanOrEqual(2);
    expect(await platform.roundTrips(counted.invocationId)).toBeLessThanOrEqual(3);
  });

  it('refuses a figures period backwards or longer than a year', async () => {
    expect(errorOf(await platform.call('qa', null, { action: 'figures', communityId: HUBIN, from: '2025-12-01', to: '2025-01-01' })).details?.issues).toEqual([
      { field: 'from', message: '开始日期不能晚于结束日期' },
    ]);
    expect(errorOf(await platform.call('qa', null, { action: 'figures', communityId: HUBIN, from: '2024-01-01', to: '2025-12-31' })).code).toBe('INVALID_ARGUMENT');
  });
});
