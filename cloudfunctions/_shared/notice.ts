import { NOTICE_TEMPLATES, type NoticeKeys, type NoticeKind } from '../../src/domain/notice-templates';
import { sendSubscribeMessage } from './subscribe-message';

/** The deployment's template id of a kind (see src/domain/notice-templates.ts); undefined when it is not configured. */
export function templateIdOf(kind: NoticeKind): string | undefined {
  const id = process.env[NOTICE_TEMPLATES[kind].setting]?.trim();
  // cloudbaserc.json passes `{{env.X}}`; a deploy without X must not leave that text standing in for an id.
  return id && !id.includes('{{') ? id : undefined;
}

/**
 * Called once when a function starts (module load): names every template setting of `kinds` that is missing, so
 * a deployment without them says so in the function's log at once instead of silently sending nothing.
 */
export function reportMissingTemplates(fn: string, kinds: readonly NoticeKind[]): NoticeKind[] {
  const missing = kinds.filter((kind) => !templateIdOf(kind));
  if (missing.length > 0) {
    console.error(
      `[${fn}] subscribe-message templates not configured, these notices are skipped: ${missing.map((k) => NOTICE_TEMPLATES[k].setting).join(', ')}`,
    );
  }
  return missing;
}

export interface Notice<K extends NoticeKind> {
  touser: string;
  /** Mini-program page without a leading slash, optionally with a query. */
  page: string;
  data: Record<NoticeKeys<K>, string>;
}

/**
 * Sends one notice of a kind with the deployment's template id. Like sendSubscribeMessage it never throws; with no
 * id configured nothing is sent (a made-up id would only earn WeChat's 40037).
 */
export async function sendNotice<K extends NoticeKind>(kind: K, notice: Notice<K>): Promise<{ sent: boolean; errcode: number }> {
  const templateId = templateIdOf(kind);
  if (!templateId) return { sent: false, errcode: -1 };
  return sendSubscribeMessage({ touser: notice.touser, templateId, page: notice.page, data: notice.data });
}
