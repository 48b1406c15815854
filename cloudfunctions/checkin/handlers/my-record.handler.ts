import { serviceLogActions, type MyRecordView } from '../../../src/domain/service-log.schema';
import { toTotalsView, yearKey, yearsOf } from '../../../src/domain/service-record';
import { defineAction } from '../../_shared/define-function';
import { findSummary, listMyLogs } from '../../_shared/repositories/service-log.repository';
import { toServiceLogView } from '../service-log-view';

const PAGE = 50;

/**
 * 我的服务记录: totals from the per-member summary and the latest entries in every state. Two reads, whatever the
 * number of logs. Evidence photos are shown on an entry's own page, not resolved here.
 */
export const myRecord = defineAction({
  schema: serviceLogActions.myRecord,
  access: 'user',
  async handler(input, ctx): Promise<MyRecordView> {
    const [summary, logs] = await Promise.all([findSummary(ctx.openid), listMyLogs(ctx.openid, input.year, PAGE)]);
    return {
      year: input.year ?? null,
      years: yearsOf(summary),
      totals: toTotalsView(input.year === undefined ? (summary ?? undefined) : summary?.years[yearKey(input.year)]),
      items: logs.map((l) => toServiceLogView(l)),
    };
  },
});
