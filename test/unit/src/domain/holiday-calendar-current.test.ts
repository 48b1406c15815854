import { calendarWith, CN_HOLIDAY_CALENDAR, holidayTableSchema, missingTableWarning, missingTableYear, type HolidayTable } from '../../../../src/domain/holiday-calendar';
import { firmDeadlines, newQuestion, rateQuestion, answerQuestion } from '../../../../src/domain/question-machine';
import { formatShanghaiDate } from '../../../../src/domain/shanghai-time';
import { workingDayDue } from '../../../../src/domain/working-day';

const sh = (local: string) => new Date(`${local}+08:00`);
const TABLE_2027: HolidayTable = {
  year: 2027,
  source: { title: '测试通知', documentNumber: '测试〔2026〕1号', issuedOn: '2026-11-10', url: 'https://www.gov.cn/' },
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  adjustedWorkdays: [],
};
const WITH_2027 = calendarWith([TABLE_2027]);

describe('the missing next-year table', () => {
  it('is named from 1 November, and this year’s at once', () => {
    expect(missingTableYear('2026-10-31', CN_HOLIDAY_CALENDAR)).toBeNull();
    expect(missingTableYear('2026-11-01', CN_HOLIDAY_CALENDAR)).toBe(2027);
    expect(missingTableYear('2026-12-20', WITH_2027)).toBeNull();
    expect(missingTableYear('2027-03-01', CN_HOLIDAY_CALENDAR)).toBe(2027);
    expect(missingTableWarning(2027)).toBe('2027 年的节假日安排尚未录入，问政期限暂按预计计算');
  });

  it('lets shipped years win over an entered one', () => {
    const forged = { ...TABLE_2027, year: 2026, holidays: [{ name: '假', from: '2026-03-02', to: '2026-03-02' }] };
    expect(calendarWith([forged]).isWorkingDay('2026-03-02')).toBe(true);
  });
});

describe('deadlines over a year without a table', () => {
  it('are provisional until the table exists', () => {
    expect(workingDayDue(sh('2026-12-28T10:00:00'), 1)).toEqual({ at: sh('2026-12-29T23:59:59.999'), provisional: false });
    const guessed = workingDayDue(sh('2026-12-28T10:00:00'), 5);
    expect([formatShanghaiDate(guessed.at), guessed.provisional]).toEqual(['2027-01-04', true]);
    const firm = workingDayDue(sh('2026-12-28T10:00:00'), 5, WITH_2027);
    expect([formatShanghaiDate(firm.at), firm.provisional]).toEqual(['2027-01-05', false]);
  });

  it('become firm when computed again, from the moment the answer clock last started', () => {
    const community = { id: 'c', name: '湖滨社区', streetId: 's', streetName: '百花洲街道' };
    const asked = newQuestion(
      { title: 't', content: 'c', category: '社区治理', photos: [], isPublic: false },
      { askerOpenid: 'a', askerName: '张三', community, needsReview: false, now: sh('2026-12-10T10:00:00') },
    );
    expect(asked.answerDueProvisional).toBe(false);
    expect(firmDeadlines(asked, WITH_2027)).toBeNull();
    // Reopened on 12-28 by a 不满意: the new answer deadline counts from then, into 2027.
    const answered = answerQuestion(asked, { text: 'x', photos: [], org: '湖滨社区' }, sh('2026-12-11T10:00:00'));
    const reopened = rateQuestion(answered, '不满意', undefined, sh('2026-12-28T10:00:00'));
    expect([formatShanghaiDate(reopened.answerDueAt), reopened.dueProvisional]).toEqual(['2027-01-04', true]);
    expect(firmDeadlines(reopened, CN_HOLIDAY_CALENDAR)).toBeNull();
    const firm = firmDeadlines(reopened, WITH_2027);
    expect(firm && [formatShanghaiDate(firm.answerDueAt), firm.dueProvisional, firm.version]).toEqual(['2027-01-05', false, reopened.version + 1]);
  });
});

describe('the table schema', () => {
  it('refuses a 调休上班 on a weekday and a holiday that ends before it starts, with the reason', () => {
    const bad = holidayTableSchema.safeParse({ ...TABLE_2027, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }], adjustedWorkdays: [{ date: '2027-01-04', for: '元旦' }] });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['「元旦」的结束日期早于开始日期', '调休上班日 2027-01-04 不是周末']);
  });
});
