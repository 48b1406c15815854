/** What one person may post per day, per kind: far above what a real resident or staff member does, settable by the admin. */
export type PostKind = 'wish' | 'question' | 'serviceLog' | 'notice' | 'upload';

const POST_KIND_LABELS: Record<PostKind, string> = { wish: '心愿', question: '问题', serviceLog: '服务记录', notice: '公告', upload: '照片' };
const UNITS: Record<PostKind, string> = { wish: '条', question: '条', serviceLog: '条', notice: '条', upload: '张' };

export const DEFAULT_DAILY_POST_LIMITS: Record<PostKind, number> = { wish: 50, question: 50, serviceLog: 50, notice: 50, upload: 300 };

/** The refusal: what was reached and when to try again (limits count per Shanghai calendar day). */
export const postLimitMessage = (kind: PostKind, limit: number) => `今天提交的${POST_KIND_LABELS[kind]}已达上限（${limit} ${UNITS[kind]}），请明天再试`;
