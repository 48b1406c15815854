import cn2026 from '../../../../src/domain/holidays/cn-2026.json';
import type { InboxItem, QuestionView } from '../../../../src/domain/question.schema';
import type { HolidayCalendarView } from '../../../../src/domain/user.schema';
import { aQuestion } from '../../../fixtures/builders';
import { ADMIN, RESIDENT, STAFF } from '../../../fixtures/personas';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';

/**
 * The holiday calendar kept current (issue 15 item 5): the shipped tables end with 2026; from 1 November staff are
 * warned that 2027's is missing, a deadline counted into 2027 is 预计, and the table an admin enters makes it firm.
 */
jest.setTimeout(30_000);
let platform: TestPlatform;
let clock = new Date('2026-12-20T02:00:00.000Z'); // Sunday 2026-12-20 10:00 in Shanghai

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);

afterAll(() => platform?.close());

const WARNING = '2027 年的节假日安排尚未录入，问政期限暂按预计计算';

/** A 2027 table as an admin would enter it (the real notice is not in the project's sources; 元旦 is the test). */
const TABLE_2027 = {
  year: 2027,
  source: { title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '国办发明电〔2026〕1号', issuedOn: '2026-11-10', url: 'https://www.gov.cn/zhengce/2027-holidays' },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-14' },
  ],
  adjustedWorkdays: [{ date: '2027-02-20', for: '春节' }],
};

const calendarAs = async (openid: string) => expectOk(await platform.call<HolidayCalendarView>('user', openid, { action: 'holidayCalendar' }));
const questionAs = async (openid: string, id: string) => expectOk(await platform.call<QuestionView>('qa', openid, { action: 'get', id }));
const inboxItem = async (id: string) => expectOk(await platform.call<{ items: InboxItem[] }>('qa', STAFF, { action: 'inbox' })).items.find((i) => i.id === id);

describe('a year without a holiday table', () => {
  it('warns staff and the admin from 1 November, not before', async () => {
    clock = new Date('2026-10-31T02:00:00.000Z');
    expect((await calendarAs(STAFF)).warning).toBeNull();
    clock = new Date('2026-12-20T02:00:00.000Z');
    expect((await calendarAs(STAFF)).warning).toBe(WARNING);
    const admin = await calendarAs(ADMIN);
    expect(admin.warning).toBe(WARNING);
    expect(admin.tables.map((t) => [t.year, t.entered])).toEqual([[2025, false], [2026, false]]);
    expect(errorOf(await platform.call('user', RESIDENT, { action: 'holidayCalendar' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives a question asked on 2026-12-28 a 预计 deadline until the admin enters 2027, then the firm one', async () => {
    clock = new Date('2026-12-28T02:00:00.000Z'); // Monday 10:00
    const asked = expectOk(await platform.call<QuestionView>('qa', RESIDENT, aQuestion({ category: '社区治理' })));
    // Accepting by Tuesday is inside 2026: firm. Five working days run into 2027, where only weekends are known.
    expect(asked).toMatchObject({ acceptDueAt: '2026-12-29T15:59:59.999Z', acceptDueProvisional: false, answerDueAt: '2027-01-04T15:59:59.999Z', answerDueProvisional: true });
    expectOk(await platform.call('qa', STAFF, { action: 'accept', id: asked.id }));
    expect(await inboxItem(asked.id)).toMatchObject({ dueAt: '2027-01-04T15:59:59.999Z', dueProvisional: true });

    const entered = expectOk(await platform.call<HolidayCalendarView>('user', ADMIN, { action: 'enterHolidayTable', table: TABLE_2027 }));
    expect(entered.warning).toBeNull();
    expect(entered.tables.at(-1)).toEqual({ year: 2027, title: TABLE_2027.source.title, documentNumber: TABLE_2027.source.documentNumber, entered: true });
    expect((await calendarAs(STAFF)).warning).toBeNull();

    // The escalation timer's next run computes it again: 元旦 (Friday 01-01) no longer counts, so it is due on Tuesday.
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true, data: { firmed: 1, escalated: 0 } });
    expect(await questionAs(STAFF, asked.id)).toMatchObject({ answerDueAt: '2027-01-05T15:59:59.999Z', answerDueProvisional: false });
    expect(await inboxItem(asked.id)).toMatchObject({ dueAt: '2027-01-05T15:59:59.999Z', dueProvisional: false });
    expect(await platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true, data: { firmed: 0 } });

    const later = expectOk(await platform.call<QuestionView>('qa', RESIDENT, aQuestion({ category: '社区治理' })));
    expect(later).toMatchObject({ answerDueAt: '2027-01-05T15:59:59.999Z', answerDueProvisional: false });
  });
});

describe('entering a table', () => {
  it('is the admin’s alone, checked by the schema of the shipped tables', async () => {
    expect(errorOf(await platform.call('user', STAFF, { action: 'enterHolidayTable', table: TABLE_2027 }))).toMatchObject({ code: 'FORBIDDEN' });
    const weekdayWork = { ...TABLE_2027, adjustedWorkdays: [{ date: '2027-02-22', for: '春节' }] };
    expect(errorOf(await platform.call('user', ADMIN, { action: 'enterHolidayTable', table: weekdayWork }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { issues: [{ field: 'table.adjustedWorkdays.0.date', message: '调休上班日 2027-02-22 不是周末' }] },
    });
    const backwards = { ...TABLE_2027, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] };
    expect(errorOf(await platform.call('user', ADMIN, { action: 'enterHolidayTable', table: backwards }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(errorOf(await platform.call('user', ADMIN, { action: 'enterHolidayTable', table: cn2026 }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('已内置于程序'),
    });
  });
});
