import { z } from 'zod';
import { idSchema, requestIdSchema, text } from './validation';

/** 社区公告 and 公示 (docs/domain.md §5). */
export const NOTICE_CATEGORIES = ['通知公告', '党务公开', '活动预告', '微心愿公示', '评星公示'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** Categories that are a 公示: shown for a period, then archived (still readable). */
export const PUBLICITY_CATEGORIES: readonly NoticeCategory[] = ['微心愿公示', '评星公示'];
export const DEFAULT_PUBLICITY_DAYS = 7;

const category = z.enum(NOTICE_CATEGORIES, { error: '请从列表中选择公告类别' });
const publicityDays = z
  .number({ error: '公示天数必须是数字' })
  .int('公示天数必须是整数')
  .min(1, '公示期至少 1 天')
  .max(30, '公示期不能超过 30 天');

export const noticeContent = z
  .object({
    category,
    title: text('标题', 40, 2),
    body: text('正文', 2000),
    pinned: z.boolean({ error: '置顶须为是或否' }).default(false),
    /** Only for 公示 categories; others ignore it. */
    publicityDays: publicityDays.default(DEFAULT_PUBLICITY_DAYS),
  })
  .strict();

export const noticeActions = {
  list: z.object({ communityId: idSchema('社区') }).strict(),
  latest: z.object({ communityId: idSchema('社区'), limit: z.number().int().min(1).max(10).default(3) }).strict(),
  get: z.object({ id: idSchema('公告') }).strict(),
  publish: noticeContent.extend({ communityId: idSchema('社区'), requestId: requestIdSchema }).strict(),
  edit: noticeContent.extend({ id: idSchema('公告'), version: z.number({ error: '版本号必须是数字' }).int().min(1) }).strict(),
  pin: z.object({ id: idSchema('公告'), pinned: z.boolean({ error: '置顶须为是或否' }) }).strict(),
} as const;

export interface NoticeRevisionView {
  category: NoticeCategory;
  title: string;
  body: string;
  /** When this earlier text was replaced. */
  replacedAt: string;
}

export interface NoticeSummary {
  id: string;
  communityId: string;
  communityName: string;
  category: NoticeCategory;
  title: string;
  excerpt: string;
  pinned: boolean;
  publishedAt: string;
  /** Last day of the 公示 period (end of that day, Shanghai), for 公示 categories. */
  publicityEndsAt: string | null;
  archived: boolean;
  editedAt: string | null;
}

export interface NoticeView extends Omit<NoticeSummary, 'excerpt'> {
  body: string;
  version: number;
  history: NoticeRevisionView[];
  /** The viewer is staff of this community (may edit and pin). */
  canManage: boolean;
}

export interface NoticeListView {
  community: { id: string; name: string };
  current: NoticeSummary[];
  archived: NoticeSummary[];
  /** The viewer is staff of this community (may publish). */
  canManage: boolean;
}
