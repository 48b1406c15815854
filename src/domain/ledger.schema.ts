import { z } from 'zod';
import { idSchema, requestIdSchema } from './validation';

/**
 * Inputs of the `ledger` function (统计表, 台账, dashboard). Each lane adds its own action schemas here; a period is
 * validated by the pure checks in `./stat-period.ts` (future quarter, reversed range) in the handler, where `now` is known.
 */
const year = z.number({ error: '请选择年份' }).int('年份必须是整数').min(2020, '年份不能早于 2020 年').max(2100, '年份不正确');
const quarter = z.number({ error: '请选择季度' }).int('季度必须是整数').min(1, '季度应为 1–4').max(4, '季度应为 1–4');
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const QUARTERLY_SCOPES = ['unit', 'community'] as const;
export type QuarterlyScope = (typeof QUARTERLY_SCOPES)[number];

export const ledgerActions = {
  /** 四进四联 活动进展情况统计表 of a unit or a community for one quarter. */
  quarterly: z
    .object({
      scopeType: z.enum(QUARTERLY_SCOPES, { error: '请选择单位或社区' }),
      scopeId: idSchema('单位或社区'),
      year,
      quarter,
    })
    .strict(),
  /** 报送: the unit admin submits the quarter's table to the level above. */
  submitQuarterly: z.object({ unitId: idSchema('单位'), year, quarter, requestId: requestIdSchema.optional() }).strict(),
  /** The level above: which units have and have not submitted the quarter. */
  submissions: z.object({ year, quarter }).strict(),
  /** Street / district dashboard over a range of months (the trend is by month). */
  dashboard: z
    .object({ from: month, to: month, streetId: idSchema('街道').optional() })
    .strict()
    .refine((v) => v.from <= v.to, { message: '开始月份不能晚于结束月份', path: ['from'] }),
} as const;
