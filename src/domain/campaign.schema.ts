import { z } from 'zod';
import { idSchema, requestIdSchema, text } from './validation';

/** 共青团 campaigns (六一、七一、教师节、春节): a batch of wishes published at a set time, with a per-person claim limit. */
export const CAMPAIGN_SCOPE_TYPES = ['community', 'street'] as const;

const isoTime = z
  .string({ error: '请选择发布时间' })
  .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), '发布时间格式不正确')
  .transform((v) => new Date(v));

export const campaignActions = {
  createCampaign: z
    .object({
      name: text('活动名称', 20),
      scopeType: z.enum(CAMPAIGN_SCOPE_TYPES, { error: '活动范围只能是社区或街道' }),
      scopeId: idSchema('活动范围'),
      publishAt: isoTime,
      perPersonLimit: z.number({ error: '每人限领数必须是数字' }).int('每人限领数必须是整数').min(1, '每人至少可领 1 个').max(5, '每人最多限领 5 个'),
      requestId: requestIdSchema,
    })
    .strict(),
  listCampaigns: z.object({}).strict(),
  addToCampaign: z.object({ wishId: idSchema('心愿'), campaignId: idSchema('活动') }).strict(),
} as const;

export interface CampaignView {
  id: string;
  name: string;
  scopeType: (typeof CAMPAIGN_SCOPE_TYPES)[number];
  scopeId: string;
  scopeName: string;
  publishAt: string;
  perPersonLimit: number;
  /** now ≥ publishAt: its wishes are on the wall. */
  open: boolean;
}
