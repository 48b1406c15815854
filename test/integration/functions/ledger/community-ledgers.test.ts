import readXlsxFile from 'read-excel-file/node';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { aClaim, aWish } from '../../../fixtures/builders';
import { insertDocs } from '../../../fixtures/database';
import type { ExportResult, TablePage } from '../../../../src/domain/ledger-views.schema';
import { CHAOYANG, HUBIN, OTHER_STAFF, STAFF, UNIT_ADMIN } from '../../../fixtures/personas';

/**
 * 服务纪实台账, 微心愿台账 and 问题台账 of one community on built data: values, totals, the Asia/Shanghai range
 * boundary, scope (another community's rows never appear, not even in totals), bad ranges, round trips, and the file.
 */
let platform: TestPlatform;
const sh = (text: string) => new Date(`${text}+08:00`);
const range = { communityId: HUBIN.id, from: '2025-03-01', to: '2025-03-31' };

const log = (id: string, over: Record<string, unknown>) => ({
  _id: id, kind: 'self', status: 'confirmed', openid: `cl-${id}`, memberName: '赵服务', communityId: HUBIN.id, communityName: HUBIN.name,
  activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: 'volunteer', title: '楼道清扫', serviceDate: '2025-03-10', year: 2025,
  place: '3 栋', beneficiaries: '', content: '', hours: 2, reason: null, evidence: [], rating: null, personInCharge: '', recorder: '',
  reviewedBy: STAFF, reviewedByName: '王社工', reviewedAt: sh('2025-03-11T09:00:00'), rejectReason: null, createdAt: sh('2025-03-10T12:00:00'), ...over,
});

const question = (id: string, over: Record<string, unknown>) => ({
  _id: id, version: 1, askerOpenid: `q-${id}`, askerName: '钱群众', title: `路灯不亮 ${id}`, content: '', category: '其他', photos: [], isPublic: false, needsReview: false,
  communityId: HUBIN.id, communityName: HUBIN.name, streetId: HUBIN.streetId, streetName: '', handler: { type: 'community', id: HUBIN.id, name: HUBIN.name }, transfer: null,
  status: 'closed', askedAt: sh('2025-03-05T10:00:00'), acceptDueAt: sh('2025-03-06T10:00:00'), answerDueAt: sh('2025-03-12T10:00:00'), dueAt: null,
  acceptedAt: sh('2025-03-05T11:00:00'), firstAnsweredAt: sh('2025-03-08T10:00:00'), answeredAt: sh('2025-03-08T10:00:00'), answeredOnTime: true,
  followedUp: false, reopened: false, rating: '满意', closedAt: sh('2025-03-09T10:00:00'), escalated: false, escalatedAt: null, inboxKeys: [], publicListed: false, thread: [], ...over,
});

beforeAll(async () => {
  platform = await startTestPlatform();
  await insertDocs(platform, 'service_logs', [
    log('cl-1', {}),
    log('cl-2', { hours: 3.5, type: 'study', serviceDate: '2025-03-31', memberName: '孙边界' }),
    log('cl-3', { hours: 4, status: 'pending', reviewedBy: null, reviewedByName: null, reviewedAt: null, memberName: '李待确认' }),
    log('cl-4', { serviceDate: '2025-04-01', memberName: '周下月' }),
    log('cl-5', { communityId: CHAOYANG.id, communityName: CHAOYANG.name, hours: 9, memberName: '吴外社区' }),
  ]);
  const post = (label: string, at: Date) => ({ event: 'post', from: null, to: 'submitted', byOpenid: 'p', byLabel: label, at });
  await insertDocs(platform, 'wishes', [
    aWish({ _id: 'cw-1', title: '轮椅', status: 'published', createdAt: sh('2025-03-02T09:00:00'), history: [post('居民甲', sh('2025-03-02T09:00:00'))] as never }),
    aWish({
      _id: 'cw-2', title: '课本', status: 'closed', createdAt: sh('2025-03-31T23:30:00'), closedAt: sh('2025-04-02T10:00:00'),
      claim: aClaim({ claimedAt: sh('2025-04-01T08:00:00'), helperName: '李建国' }),
      history: [post('居民乙', sh('2025-03-31T23:30:00')), { event: 'confirm', from: 'fulfilled', to: 'closed', byOpenid: 's', byLabel: '王社工', at: sh('2025-04-02T10:00:00') }] as never,
    }),
    aWish({ _id: 'cw-3', title: '四月的心愿', createdAt: sh('2025-04-01T00:10:00') }),
    aWish({ _id: 'cw-4', title: '朝阳的心愿', communityId: CHAOYANG.id, communityName: CHAOYANG.name, createdAt: sh('2025-03-03T09:00:00') }),
  ]);
  await insertDocs(platform, 'questions', [
    question('cq-1', {}),
    question('cq-2', { status: 'closed', answeredOnTime: false, firstAnsweredAt: sh('2025-03-20T10:00:00'), answeredAt: sh('2025-03-20T10:00:00'), rating: '不满意', escalated: true, escalatedAt: sh('2025-03-13T10:00:00') }),
    question('cq-3', { status: 'submitted', acceptedAt: null, firstAnsweredAt: null, answeredAt: null, answeredOnTime: null, rating: null, closedAt: null, dueAt: sh('2025-03-06T10:00:00') }),
    question('cq-4', { communityId: CHAOYANG.id, communityName: CHAOYANG.name, escalated: true }),
  ]);
}, 60_000);

afterAll(() => platform?.close());

const list = (openid: string, input: Record<string, unknown>) => platform.call<TablePage>('ledger', openid, { action: 'ledgerTable', ...range, ...input });

async function exported(input: Record<string, unknown>) {
  const file = expectOk(await platform.call<ExportResult>('ledger', STAFF, { action: 'export', ...range, ...input }));
  const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(file.url)).arrayBuffer()));
  return sheet.data;
}

describe('服务纪实台账', () => {
  it('lists the community’s logs in the Shanghai range with confirmed hours as the total, and the file matches', async () => {
    const result = await list(STAFF, { table: 'serviceLedger' });
    const { table } = expectOk(result);
    expect(await platform.roundTrips(result.invocationId)).toBeLessThanOrEqual(3);
    expect(table.rows.map((r) => r.name)).toEqual(['赵服务', '李待确认', '孙边界']);
    expect(table.rows[0]).toMatchObject({ date: '2025-03-10', hours: 2, status: '已确认', reviewer: '王社工', reviewedAt: '2025-03-11 09:00' });
    expect(table.rows[1]).toMatchObject({ status: '待确认', reviewer: '' });
    // 周下月 is on 04-01, 吴外社区 in another community: in neither the rows nor the total.
    expect(table.totals).toMatchObject({ name: '合计 3 条', hours: 5.5, status: '已确认 2 条' });

    const pending = expectOk(await list(STAFF, { table: 'serviceLedger', status: 'pending' })).table;
    expect(pending.rows.map((r) => r.name)).toEqual(['李待确认']);

    const data = await exported({ table: 'serviceLedger' });
    expect(data[0][0]).toBe('在职党员服务纪实台账');
    expect(data[2]).toEqual(table.columns.map((c) => c.title));
    expect(data.slice(3, 6).map((r) => r[0])).toEqual(['赵服务', '李待确认', '孙边界']);
    expect(data[6][0]).toBe('合计 3 条');
    expect(data[6][4]).toBe(5.5);
  }, 30_000);
});

describe('微心愿台账', () => {
  it('shows 需求 / 认领 / 销号 with dates and who, counted on the community’s wishes of the range', async () => {
    const result = await list(STAFF, { table: 'wishLedger' });
    const { table } = expectOk(result);
    expect(await platform.roundTrips(result.invocationId)).toBeLessThanOrEqual(3);
    expect(table.rows.map((r) => r.title)).toEqual(['轮椅', '课本']);
    expect(table.rows[1]).toMatchObject({ postedAt: '2025-03-31 23:30', poster: '居民乙', claimedAt: '2025-04-01 08:00', claimant: '李建国', closedAt: '2025-04-02 10:00', closer: '王社工', status: '已销号' });
    expect(table.totals).toMatchObject({ title: '需求 2 个', claimant: '认领 1 个', closer: '销号 1 个' });
    const data = await exported({ table: 'wishLedger' });
    expect(data[0][0]).toBe('群众微心愿台账');
    expect(data.slice(3, 5).map((r) => r[0])).toEqual(['轮椅', '课本']);
    expect(data[5][0]).toBe('需求 2 个');
  }, 30_000);
});

describe('问题台账', () => {
  it('counts received, accepted, answered, on time, overdue, escalated and satisfaction of the community only', async () => {
    const result = await list(STAFF, { table: 'questionLedger' });
    const { table } = expectOk(result);
    expect(await platform.roundTrips(result.invocationId)).toBeLessThanOrEqual(3);
    expect(table.rows).toHaveLength(3);
    expect(table.rows.find((r) => r.title === '路灯不亮 cq-2')).toMatchObject({ onTime: '否', overdue: '是', escalated: '是', rating: '不满意' });
    expect(table.rows.find((r) => r.title === '路灯不亮 cq-3')).toMatchObject({ status: '待受理', overdue: '是', acceptedAt: null });
    expect(table.totals).toMatchObject({ title: '收到 3 件', acceptedAt: '受理 2 件', answeredAt: '答复 2 件', onTime: '按期率 50%', overdue: '2 件', escalated: '1 件', rating: '满意率 50%' });
    const data = await exported({ table: 'questionLedger' });
    expect(data[0][0]).toBe('群众问题台账');
    expect(data[6][0]).toBe('收到 3 件');
  }, 30_000);
});

describe('scope and bad input', () => {
  it('refuses other communities’ staff and unit admins, bad ranges and unknown tables; empty is a 无数据 file', async () => {
    for (const table of ['serviceLedger', 'wishLedger', 'questionLedger']) {
      expect(errorOf(await list(OTHER_STAFF, { table })).code).toBe('FORBIDDEN');
      expect(errorOf(await list(UNIT_ADMIN, { table })).code).toBe('FORBIDDEN');
      expect(errorOf(await platform.call('ledger', OTHER_STAFF, { action: 'export', table, ...range })).code).toBe('FORBIDDEN');
    }
    expect(errorOf(await list(STAFF, { table: 'wishLedger', from: '2025-03-31', to: '2025-03-01' })).details?.issues?.[0]).toEqual({ field: 'from', message: '开始日期不能晚于结束日期' });
    expect(errorOf(await list(STAFF, { table: 'questionLedger', from: '2099-01-01', to: '2099-01-02' })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(await list(STAFF, { table: 'serviceLedger', status: 'nope' })).details?.issues?.[0].field).toBe('status');
    expect(errorOf(await list(STAFF, { table: 'nope' })).code).toBe('INVALID_ARGUMENT');
    const empty = await exported({ table: 'questionLedger', from: '2021-01-01', to: '2021-01-31' });
    expect(empty[3][0]).toBe('无数据');
  }, 30_000);
});
