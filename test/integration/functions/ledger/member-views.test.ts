import readXlsxFile from 'read-excel-file/node';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { OpinionView } from '../../../../src/domain/ledger-views.schema';
import { formatShanghaiDate } from '../../../../src/domain/shanghai-time';
import { givenMembers } from '../../../fixtures/database';
import { CITY_ORGAN, OTHER_STAFF, POWER_SUPPLY, STAFF, STAFF_MEMBER, UNIT_ADMIN } from '../../../fixtures/personas';
import { HUBIN, gcjReading, northOf, registerMember } from '../checkin/checkin-fixtures';

/**
 * 一单一表 (the unit's members), 评先评优听取社区意见 with the one 申辩, and the community's 报到台账 as a list and as
 * an .xlsx file read back with a reader library.
 */
let platform: TestPlatform;
const year = Number(formatShanghaiDate(new Date()).slice(0, 4));
const today = formatShanghaiDate(new Date());

beforeAll(async () => {
  platform = await startTestPlatform();
  // A confirmed member, a pending one, and a colleague of the same unit who never reported in.
  await registerMember(platform, 'lv-confirmed', '赵确认');
  await registerMember(platform, 'lv-pending', '钱待确认');
  await givenMembers(platform, ['lv-never'], () => ({ name: '孙未报到' }));
  await givenMembers(platform, ['lv-other-unit'], () => ({ name: '李外单位', member: { workUnitId: POWER_SUPPLY.id, workUnitName: POWER_SUPPLY.name } }));
  for (const openid of ['lv-confirmed', 'lv-pending', 'lv-other-unit']) {
    expectOk(await platform.call('checkin', openid, { action: 'report', communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 100)) }));
  }
  expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'lv-confirmed', decision: 'confirm' }));
}, 60_000);

afterAll(() => platform?.close());

const give = (openid: string, memberOpenid: string, grade: 'excellent' | 'qualified' | 'basic' | 'unqualified', comment = '积极参加社区服务') =>
  platform.call('ledger', openid, { action: 'giveOpinion', communityId: HUBIN.id, memberOpenid, year, grade, comment });

describe('community opinions (评先评优听取社区意见)', () => {
  it('lets staff rate a confirmed member, refuses 合格 without a confirmed 报到, and nobody rates themselves', async () => {
    const form = expectOk(await platform.call('ledger', STAFF, { action: 'opinionForm', communityId: HUBIN.id, year }));
    const pending = form.items.find((i) => i.name === '钱待确认');
    expect(pending).toMatchObject({ confirmedInYear: false, allowedGrades: ['basic', 'unqualified'] });
    expect(form.items.find((i) => i.name === '赵确认')).toMatchObject({ confirmedInYear: true, standingLabel: '已报到' });

    expect(expectOk(await give(STAFF, 'lv-confirmed', 'excellent'))).toMatchObject({ gradeLabel: '优秀', memberName: '赵确认' });
    const refused = errorOf(await give(STAFF, 'lv-pending', 'qualified'));
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(refused.details?.issues?.[0]).toMatchObject({ field: 'grade' });
    expect(refused.details?.issues?.[0].message).toContain('没有经社区确认的报到');
    expectOk(await give(STAFF, 'lv-pending', 'basic', '报到后尚未参加活动'));

    expect(errorOf(await give(STAFF_MEMBER, STAFF_MEMBER, 'excellent'))).toMatchObject({ code: 'FORBIDDEN', message: '不能对自己提出社区意见' });
    expect(errorOf(await give(OTHER_STAFF, 'lv-confirmed', 'basic')).code).toBe('FORBIDDEN');
    // A member who never reported in here has nothing the community can speak to.
    expect(errorOf(await give(STAFF, 'lv-never', 'unqualified')).code).toBe('FAILED_PRECONDITION');
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'giveOpinion', communityId: HUBIN.id, memberOpenid: 'lv-confirmed', year: year + 1, grade: 'basic', comment: '未来' })).details?.issues?.[0].field).toBe('year');
  }, 30_000);

  it('shows the member their own opinion and takes one 申辩, which the community reads', async () => {
    const mine = expectOk(await platform.call<{ items: OpinionView[] }>('ledger', 'lv-confirmed', { action: 'myOpinions' })).items;
    expect(mine).toEqual([expect.objectContaining({ gradeLabel: '优秀', communityName: '湖滨社区', appeal: null })]);
    expect(JSON.stringify(mine)).not.toContain('lv-confirmed');
    expect(expectOk(await platform.call<{ items: OpinionView[] }>('ledger', 'lv-pending', { action: 'myOpinions' })).items).toEqual([expect.objectContaining({ gradeLabel: '基本合格' })]);

    const opinionId = mine[0].id;
    expect(errorOf(await platform.call('ledger', 'lv-pending', { action: 'appealOpinion', opinionId, text: '不是我的' })).code).toBe('FORBIDDEN');
    expectOk(await platform.call('ledger', 'lv-confirmed', { action: 'appealOpinion', opinionId, text: '我还参加了两次家访' }));
    expect(errorOf(await platform.call('ledger', 'lv-confirmed', { action: 'appealOpinion', opinionId, text: '再说一次' })).code).toBe('CONFLICT');

    const form = expectOk(await platform.call('ledger', STAFF, { action: 'opinionForm', communityId: HUBIN.id, year }));
    expect(form.items.find((i) => i.name === '赵确认')?.opinion?.appeal?.text).toBe('我还参加了两次家访');
  }, 30_000);
});

describe('一单一表: the unit admin’s view of the unit’s members', () => {
  it('lists only the unit’s members, never-reported first, with 报到, hours and the community’s opinion', async () => {
    const result = await platform.call('ledger', UNIT_ADMIN, { action: 'unitMembers', unitId: CITY_ORGAN.id, year });
    const { table } = expectOk(result);
    const names = table.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['赵确认', '钱待确认', '孙未报到']));
    expect(names).not.toContain('李外单位');
    const never = names.indexOf('孙未报到');
    expect(never).toBeLessThan(names.indexOf('钱待确认'));
    expect(names.indexOf('钱待确认')).toBeLessThan(names.indexOf('赵确认'));
    expect(table.rows.find((r) => r.name === '赵确认')).toMatchObject({ standing: '已报到', community: '湖滨社区', opinion: '优秀（湖滨社区），本人已申辩' });
    expect(table.rows[never]).toMatchObject({ standing: '尚未报到', community: '' });
    expect(table.totals?.name).toBe(`合计 ${table.rows.length} 人`);
    expect(await platform.roundTrips(result.invocationId)).toBeLessThanOrEqual(3);
  }, 30_000);

  it('refuses another unit’s admin scope and community staff', async () => {
    expect(errorOf(await platform.call('ledger', UNIT_ADMIN, { action: 'unitMembers', unitId: POWER_SUPPLY.id, year })).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'unitMembers', unitId: CITY_ORGAN.id, year })).code).toBe('FORBIDDEN');
  });
});

describe('报到台账 and its .xlsx file', () => {
  it('lists the community’s 报到 in the range with a total, and the file holds the same rows', async () => {
    const result = await platform.call('ledger', STAFF, { action: 'checkinLedger', communityId: HUBIN.id, from: `${year}-01-01`, to: today });
    const { table } = expectOk(result);
    const names = table.rows.map((r) => r.name);
    // Only 湖滨社区's 报到: the member of another unit reported here too, so they are on it; nothing of other communities.
    expect(names).toEqual(expect.arrayContaining(['赵确认', '钱待确认', '李外单位']));
    expect(await platform.roundTrips(result.invocationId)).toBeLessThanOrEqual(3);
    const confirmed = table.rows.filter((r) => r.status === '已确认').length;
    expect(table.totals).toMatchObject({ name: `合计 ${table.rows.length} 次`, status: `已确认 ${confirmed} 次` });

    const file = expectOk(await platform.call('ledger', STAFF, { action: 'export', table: 'checkinLedger', communityId: HUBIN.id, from: `${year}-01-01`, to: today }));
    expect(file.url).not.toContain(STAFF);
    const response = await fetch(file.url);
    expect(response.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(sheet.data[0][0]).toBe('在职党员到社区报到台账');
    expect(sheet.data[1][0]).toBe(`湖滨社区　${year}-01-01 至 ${today}`);
    expect(sheet.data[2]).toEqual(table.columns.map((c) => c.title));
    const body = sheet.data.slice(3, 3 + table.rows.length);
    expect(body.map((r) => r[0])).toEqual(names);
    expect(sheet.data[3 + table.rows.length].slice(0, 5)).toEqual([`合计 ${table.rows.length} 次`, null, null, null, `已确认 ${confirmed} 次`]);
  }, 30_000);

  it('exports an empty range as a header and a 无数据 row, and refuses bad ranges and other scopes', async () => {
    const empty = expectOk(await platform.call('ledger', STAFF, { action: 'export', table: 'checkinLedger', communityId: HUBIN.id, from: '2021-01-01', to: '2021-01-31' }));
    const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(empty.url)).arrayBuffer()));
    expect(sheet.data[3][0]).toBe('无数据');
    expect(empty.rows).toBe(0);

    const reversed = errorOf(await platform.call('ledger', STAFF, { action: 'checkinLedger', communityId: HUBIN.id, from: '2025-03-01', to: '2025-01-01' }));
    expect(reversed.details?.issues?.[0]).toEqual({ field: 'from', message: '开始日期不能晚于结束日期' });
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'checkinLedger', communityId: HUBIN.id, from: '2099-01-01', to: '2099-01-02' })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(await platform.call('ledger', OTHER_STAFF, { action: 'export', table: 'checkinLedger', communityId: HUBIN.id, from: `${year}-01-01`, to: today })).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'export', table: 'nope', communityId: HUBIN.id })).code).toBe('INVALID_ARGUMENT');
  }, 30_000);

  it('exports the unit’s 一单一表 for its admin only', async () => {
    const file = expectOk(await platform.call('ledger', UNIT_ADMIN, { action: 'export', table: 'unitMembers', unitId: CITY_ORGAN.id, year }));
    const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(file.url)).arrayBuffer()));
    expect(sheet.data[0][0]).toBe('在职党员到社区报到情况一单一表');
    expect(sheet.data.slice(3).map((r) => r[0])).toEqual(expect.arrayContaining(['孙未报到', '赵确认']));
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'export', table: 'unitMembers', unitId: CITY_ORGAN.id, year })).code).toBe('FORBIDDEN');
  }, 30_000);
});
