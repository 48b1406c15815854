import type { MyRecordView } from '../../../src/domain/service-log.schema';
import { expectOk } from '../../helpers/local-platform';
import { exact, timing, type Scenario } from '../budget';
import { insertDocs } from '../../fixtures/database';
import { HUBIN, STAFF } from '../../fixtures/personas';
import { maxRoundTrips, measure } from '../harness';

/** "My record" for a member with 10 and with 10 000 confirmed service logs: the same two round trips. */
function log(openid: string, i: number) {
  return {
    _id: `bench-log-${openid}-${i}`, kind: 'activity', status: 'confirmed', openid, memberName: '钱服务', communityId: HUBIN.id, communityName: HUBIN.name,
    activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: 'volunteer', title: `活动${i}`,
    serviceDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-10`, year: 2024, place: '湖滨社区', beneficiaries: '居民', content: '服务', hours: 1,
    reason: null, evidence: [], rating: 'pass', personInCharge: '王主任', recorder: '签到签退记录', reviewedBy: STAFF, reviewedByName: '社区工作人员',
    reviewedAt: new Date(), rejectReason: null, createdAt: new Date(2024, 0, 1, 0, 0, i % 60),
  };
}

export const scenario: Scenario = {
  name: 'records',
  async run({ platform, quick }) {
    const figures = [];
    for (const count of quick ? [10, 1_000] : [10, 10_000]) {
      const openid = `bench-rec-${count}`;
      await insertDocs(platform, 'service_logs', Array.from({ length: count }, (_, i) => log(openid, i)), 5_000);
      const page = await measure(
        Array.from({ length: quick ? 3 : 20 }, () => async () => {
          const r = await platform.call<MyRecordView>('checkin', openid, { action: 'myRecord', year: 2024 });
          return { value: expectOk(r), invocationId: r.invocationId };
        }),
        4,
      );
      figures.push(
        exact(`records.myRecord@${count}`, 'round trips (max)', await maxRoundTrips(platform, page.results.map((r) => r.invocationId)), 'trips', 2),
        timing(`records.myRecord@${count}`, 'p95', page.latency.p95),
      );
    }
    return figures;
  },
};
