import { emptyHolidayForm, HOLIDAY_FIELDS, holidayFormSchema, holidayInput } from '@/features/admin/admin-forms';
import { validateWith } from '@/lib/field-errors';

const typed = {
  ...emptyHolidayForm(),
  year: '2027',
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  documentNumber: '国办发明电〔2026〕1号',
  issuedOn: '2026-11-10',
  url: 'https://www.gov.cn/zhengce/2027',
  holidays: '元旦 2027-01-01 2027-01-03\n\n  春节 2027-02-06 2027-02-14\n清明节 2027-04-05',
  adjustedWorkdays: '2027-02-20 春节',
};

describe('holiday table form', () => {
  it('reads one holiday a line (a single date for a one-day holiday) into the shipped tables’ schema', () => {
    const r = validateWith(holidayFormSchema, holidayInput(typed), HOLIDAY_FIELDS);
    expect(r.ok && r.data.table.holidays).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-06', to: '2027-02-14' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
    ]);
    expect(r.ok && r.data.table.adjustedWorkdays).toEqual([{ date: '2027-02-20', for: '春节' }]);
  });

  it('says what is wrong with a line', () => {
    const r = validateWith(holidayFormSchema, holidayInput({ ...typed, adjustedWorkdays: '2027-02-22 春节' }), HOLIDAY_FIELDS);
    expect(r).toEqual({ ok: false, errors: { table: '调休上班日 2027-02-22 不是周末' } });
    const empty = validateWith(holidayFormSchema, holidayInput(emptyHolidayForm()), HOLIDAY_FIELDS);
    expect(empty).toEqual({ ok: false, errors: { table: '请填写年份' } });
  });
});
