import readXlsxFile from 'read-excel-file/node';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { uploadPhoto } from '../../../helpers/upload-photo';
import { insertDocs, storedDoc } from '../../../fixtures/database';
import type { ExportResult, TablePage } from '../../../../src/domain/ledger-views.schema';
import type { ServiceLogView } from '../../../../src/domain/service-log.schema';
import { formatShanghaiDate } from '../../../../src/domain/shanghai-time';
import { ADMIN, CITY_ORGAN, HUBIN, CHAOYANG, MEMBER, POWER_SUPPLY, STAFF, UNIT_ADMIN } from '../../../fixtures/personas';

/**
 * The unit's 四进四联 台账 on built data: values and totals, another unit's logs excluded (even from totals), refused
 * and corrected logs not listed, community staff refused, the file matches; and a member's report is stamped with the
 * work unit of their stored profile, never one the client sends.
 */
let platform: TestPlatform;
const range = { unitId: CITY_ORGAN.id, from: '2025-03-01', to: '2025-03-31' };

const log = (id: string, over: Record<string, unknown>) => ({
  _id: id, kind: 'self_reported', status: 'confirmed', openid: `ua-${id}`, memberName: '赵走访', workUnitId: CITY_ORGAN.id, communityId: HUBIN.id, communityName: HUBIN.name,
  activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: 'home_visit', title: '走访', serviceDate: '2025-03-10', year: 2025,
  place: '3 栋', beneficiaries: '居民', content: '上门走访', visited: '独居老人张某', heard: '楼道灯坏了', solved: '联系物业修好了楼道灯', hours: 2, reason: null, evidence: [],
  rating: null, personInCharge: '', recorder: '', reviewedBy: STAFF, reviewedByName: '王社工', reviewedAt: new Date('2025-03-11T01:00:00Z'), rejectReason: null,
  createdAt: new Date('2025-03-10T04:00:00Z'), ...over,
});

beforeAll(async () => {
  platform = await startTestPlatform();
  await insertDocs(platform, 'service_logs', [
    log('ua-1', {}),
    log('ua-2', { openid: 'ua-p', memberName: '钱待确认', status: 'pending', serviceDate: '2025-03-31', communityId: CHAOYANG.id, communityName: CHAOYANG.name, hours: 1.5, visited: null, heard: null, solved: null }),
    log('ua-3', { openid: 'ua-p', memberName: '钱待确认', serviceDate: '2025-03-20', hours: 1, heard: '希望多办讲座', solved: null, visited: undefined }),
    log('ua-4', { memberName: '孙未通过', status: 'rejected' }),
    log('ua-5', { memberName: '李更正', status: 'superseded' }),
    log('ua-6', { memberName: '周下月', serviceDate: '2025-04-01' }),
    log('ua-7', { memberName: '吴外单位', workUnitId: POWER_SUPPLY.id, hours: 9 }),
  ]);
}, 60_000);

afterAll(() => platform?.close());

const list = (openid: string, input: Record<string, unknown> = {}) => platform.call<TablePage>('ledger', openid, { action: 'ledgerTable', table: 'unitActivities', ...range, ...input });

describe('四进四联工作台账', () => {
  it('lists the unit’s confirmed and pending activities in the range with who was visited, what was heard and solved, and totals', async () => {
    const result = await list(UNIT_ADMIN);
    const { table } = expectOk(result);
    expect(await platform.roundTrips(result.invocationId)).toBeLessThanOrEqual(3);
    expect(table).toMatchObject({ title: '四进四联工作台账', scopeName: CITY_ORGAN.name, periodLabel: '2025-03-01 至 2025-03-31' });
    expect(table.columns.map((c) => c.title)).toEqual(['日期', '党员', '社区', '地点', '内容', '走访对象', '听取意见', '解决问题', '时长（小时）', '状态']);
    expect(table.rows.map((r) => r.name)).toEqual(['赵走访', '钱待确认', '钱待确认']);
    expect(table.rows[0]).toEqual({
      date: '2025-03-10', name: '赵走访', community: HUBIN.name, place: '3 栋', content: '上门走访', visited: '独居老人张某', heard: '楼道灯坏了', solved: '联系物业修好了楼道灯', hours: 2, status: '已确认',
    });
    expect(table.rows[2]).toMatchObject({ date: '2025-03-31', community: CHAOYANG.name, visited: '', heard: '', solved: '', status: '待确认' });
    // 吴外单位 (9 h, another unit), 孙未通过, 李更正 and 周下月 are in neither the rows nor the totals.
    expect(table.totals).toEqual({ date: '合计 3 次', name: '2 人', visited: '走访 1 次', heard: '听取意见 2 次', solved: '解决问题 1 次', hours: 3, status: '已确认 2 次' });
    expect(JSON.stringify(table)).not.toContain('吴外单位');

    const pending = expectOk(await list(UNIT_ADMIN, { status: 'pending' })).table;
    expect(pending.rows.map((r) => r.date)).toEqual(['2025-03-31']);
  }, 30_000);

  it('refuses community staff, another unit’s admin scope and a status outside the 台账; the district admin may read it', async () => {
    expect(errorOf(await list(STAFF)).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'export', table: 'unitActivities', ...range })).code).toBe('FORBIDDEN');
    expect(errorOf(await list(UNIT_ADMIN, { unitId: POWER_SUPPLY.id })).code).toBe('FORBIDDEN');
    expect(errorOf(await list(UNIT_ADMIN, { status: 'rejected' })).details?.issues?.[0].field).toBe('status');
    expect(expectOk(await list(ADMIN)).table.rows).toHaveLength(3);
  }, 30_000);

  it('exports the same rows and total row to .xlsx', async () => {
    const file = expectOk(await platform.call<ExportResult>('ledger', UNIT_ADMIN, { action: 'export', table: 'unitActivities', ...range }));
    expect(file.rows).toBe(3);
    const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(file.url)).arrayBuffer()));
    const data = sheet.data;
    expect(data[0][0]).toBe('四进四联工作台账');
    expect(data[2]).toEqual(['日期', '党员', '社区', '地点', '内容', '走访对象', '听取意见', '解决问题', '时长（小时）', '状态']);
    expect(data[3].slice(1, 8)).toEqual(['赵走访', HUBIN.name, '3 栋', '上门走访', '独居老人张某', '楼道灯坏了', '联系物业修好了楼道灯']);
    expect(data[6][0]).toBe('合计 3 次');
    expect(data[6][8]).toBe(3);
  }, 30_000);
});

describe('a member’s report', () => {
  it('stores 走访对象 / 听取意见 / 解决问题 and the work unit of the stored profile, and appears in the unit’s 台账', async () => {
    const today = formatShanghaiDate(new Date());
    const payload = {
      communityId: HUBIN.id, type: 'home_visit', title: '走访困难家庭', serviceDate: today, place: '湖滨社区 5 栋', beneficiaries: '困难家庭', content: '上门了解困难',
      visited: '困难家庭刘某', heard: '希望帮忙申请低保', solved: '协助准备了申请材料', hours: 1, evidence: [await uploadPhoto(platform, MEMBER)],
    };
    // The unit is never taken from the client.
    expect(errorOf(await platform.call('checkin', MEMBER, { action: 'reportService', ...payload, workUnitId: POWER_SUPPLY.id, requestId: 'ua-req-0000001' })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(await platform.call('checkin', MEMBER, { action: 'reportService', ...payload, heard: '很'.repeat(201), requestId: 'ua-req-0000002' })).details?.issues?.[0].field).toBe('heard');
    const view = expectOk(await platform.call<ServiceLogView>('checkin', MEMBER, { action: 'reportService', ...payload, requestId: 'ua-req-0000003' }));
    expect(view).toMatchObject({ visited: '困难家庭刘某', heard: '希望帮忙申请低保', solved: '协助准备了申请材料' });
    expect(await storedDoc(platform, 'service_logs', view.id)).toMatchObject({ workUnitId: CITY_ORGAN.id, visited: '困难家庭刘某' });
    const { table } = expectOk(await list(UNIT_ADMIN, { from: today, to: today }));
    expect(table.rows).toEqual([expect.objectContaining({ name: '李建国', visited: '困难家庭刘某', status: '待确认' })]);
  }, 30_000);
});
