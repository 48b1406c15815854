import { z } from 'zod';

/** What one person may post per day, per kind: far above what a real resident or staff member does, settable by the admin. */
export type PostKind = 'wish' | 'question' | 'serviceLog' | 'notice' | 'objection' | 'upload';

const POST_KIND_LABELS: Record<PostKind, string> = { wish: '心愿', question: '问题', serviceLog: '服务记录', notice: '公告', objection: '异议', upload: '照片' };
const UNITS: Record<PostKind, string> = { wish: '条', question: '条', serviceLog: '条', notice: '条', objection: '条', upload: '张' };

export const DEFAULT_DAILY_POST_LIMITS: Record<PostKind, number> = { wish: 50, question: 50, serviceLog: 50, notice: 50, objection: 20, upload: 300 };

/** The refusal: what was reached and when to try again (limits count per Shanghai calendar day). */
export const postLimitMessage = (kind: PostKind, limit: number) => `今天提交的${POST_KIND_LABELS[kind]}已达上限（${limit} ${UNITS[kind]}），请明天再试`;

/** Photos are counted as they are attached to a post: the refusal says how many may still go today. */
export const uploadLimitMessage = (limit: number, used: number) =>
  used >= limit ? postLimitMessage('upload', limit) : `今天还可提交 ${limit - used} 张照片（每天上限 ${limit} 张），请减少照片或明天再试`;

export const POST_KINDS = Object.keys(DEFAULT_DAILY_POST_LIMITS) as PostKind[];
export const postKindLabel = (kind: PostKind) => `每天${POST_KIND_LABELS[kind]}（${UNITS[kind]}）`;

/** What the admin may set: at least one a day (0 would silently close posting), at most what the counters are sized for. */
const LIMIT_RANGES: Record<PostKind, { min: number; max: number }> = {
  wish: { min: 1, max: 1000 },
  question: { min: 1, max: 1000 },
  serviceLog: { min: 1, max: 1000 },
  notice: { min: 1, max: 1000 },
  objection: { min: 1, max: 1000 },
  upload: { min: 1, max: 5000 },
};

/** The choices the console offers (pickers, not typing); the server checks the range whatever is sent. */
export const LIMIT_CHOICES: Record<PostKind, number[]> = {
  wish: [5, 10, 20, 30, 50, 100, 200, 500],
  question: [5, 10, 20, 30, 50, 100, 200, 500],
  serviceLog: [5, 10, 20, 30, 50, 100, 200, 500],
  notice: [5, 10, 20, 30, 50, 100, 200, 500],
  objection: [5, 10, 20, 30, 50, 100, 200, 500],
  upload: [20, 50, 100, 200, 300, 500, 1000, 2000],
};

const limitSchema = (kind: PostKind) => {
  const { min, max } = LIMIT_RANGES[kind];
  const label = `${POST_KIND_LABELS[kind]}的每日上限`;
  return z.number({ error: `请选择${label}` }).int(`${label}必须是整数`).min(min, `${label}不能少于 ${min}`).max(max, `${label}不能超过 ${max}`);
};

/** The admin's limits: every kind, so the console always shows and saves the whole table. */
export const postLimitsSchema = z
  .object({ wish: limitSchema('wish'), question: limitSchema('question'), serviceLog: limitSchema('serviceLog'), notice: limitSchema('notice'), objection: limitSchema('objection'), upload: limitSchema('upload') })
  .strict();

export interface PostLimitsView {
  limits: Record<PostKind, number>;
  defaults: Record<PostKind, number>;
  updatedAt: string | null;
}
