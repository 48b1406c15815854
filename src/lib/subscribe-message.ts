/**
 * The one module that asks the user for subscribe messages (一次性订阅), before the action that will lead to them.
 * weapp: wx.requestSubscribeMessage. Local H5: a dialog like WeChat's whose 允许 records the grants on the local
 * platform (POST /dev/subscribe). A refusal or an error only means no message: the action goes on regardless.
 */
import Taro from '@tarojs/taro';
import { localTemplateId, MAX_TEMPLATES_PER_REQUEST, NOTICE_KINDS, NOTICE_TEMPLATES, type NoticeKind } from '@/domain/notice-templates';
import { devToken } from './session';
import { showSubscribeDialog } from './subscribe-dialog';

/**
 * Template ids of a deployed build. Each is spelled out because Taro replaces only literal `process.env.TARO_APP_…`
 * references; test/unit/lib/subscribe-message.test.ts checks they match the settings of the catalogue.
 */
export const DEPLOYED_TEMPLATE_IDS: Record<NoticeKind, string | undefined> = {
  wishClaimReminder: process.env.TARO_APP_TPL_WISH_CLAIM_REMINDER,
  wishClaimEnded: process.env.TARO_APP_TPL_WISH_CLAIM_ENDED,
  wishReviewed: process.env.TARO_APP_TPL_WISH_REVIEWED,
  wishDelivered: process.env.TARO_APP_TPL_WISH_DELIVERED,
  questionAnswered: process.env.TARO_APP_TPL_QUESTION_ANSWERED,
  checkinReviewed: process.env.TARO_APP_TPL_CHECKIN_REVIEWED,
  serviceLogReviewed: process.env.TARO_APP_TPL_SERVICE_LOG_REVIEWED,
  projectMilestoneDue: process.env.TARO_APP_TPL_PROJECT_MILESTONE_DUE,
  projectDispatched: process.env.TARO_APP_TPL_PROJECT_DISPATCHED,
  pledgeReviewDue: process.env.TARO_APP_TPL_PLEDGE_REVIEW_DUE,
  starObjectionAnswered: process.env.TARO_APP_TPL_STAR_OBJECTION_ANSWERED,
  starUpgradeDecided: process.env.TARO_APP_TPL_STAR_UPGRADE_DECIDED,
};

const isLocal = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL === 'true';

/** A local build talks only to the local platform, which knows the templates under their local ids. */
export const TEMPLATE_IDS: Record<NoticeKind, string | undefined> = isLocal
  ? (Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, localTemplateId(kind)])) as Record<NoticeKind, string>)
  : DEPLOYED_TEMPLATE_IDS;

/** WeChat shows one request per tap with at most 3 templates, so a tap asks for 1–3 kinds. */
export type NoticeRequest = [NoticeKind] | [NoticeKind, NoticeKind] | [NoticeKind, NoticeKind, NoticeKind];

/** What the user chose per template id, as wx.requestSubscribeMessage answers. */
export type SubscribeChoices = Record<string, 'accept' | 'reject'>;

/** The configured ids of `kinds`, unique, at most 3 (an unconfigured kind is simply not asked for). */
export function templateIdsFor(kinds: readonly NoticeKind[], ids: Partial<Record<NoticeKind, string>> = TEMPLATE_IDS): string[] {
  const configured = kinds.map((kind) => ids[kind]).filter((id): id is string => !!id);
  return [...new Set(configured)].slice(0, MAX_TEMPLATES_PER_REQUEST);
}

/**
 * Asks to send these notices later. Call it first thing in the tap handler, before any await: WeChat refuses the
 * request outside a tap. Never throws and never needs awaiting; the promise tells what the user chose (empty when
 * nothing was asked or asking failed).
 */
export function askToNotify(kinds: NoticeRequest): Promise<SubscribeChoices> {
  const tmplIds = templateIdsFor(kinds);
  if (tmplIds.length === 0) return Promise.resolve({});
  try {
    if (process.env.TARO_ENV === 'weapp') {
      return Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option).then(choicesOf, () => ({}));
    }
    if (isLocal) return askLocally(kinds, tmplIds);
  } catch {
    // An SDK that throws synchronously (old base library) is a refusal too.
  }
  return Promise.resolve({});
}

function choicesOf(result: unknown): SubscribeChoices {
  const choices: SubscribeChoices = {};
  for (const [key, value] of Object.entries((result ?? {}) as Record<string, unknown>)) {
    if (value === 'accept' || value === 'reject') choices[key] = value;
  }
  return choices;
}

async function askLocally(kinds: readonly NoticeKind[], tmplIds: string[]): Promise<SubscribeChoices> {
  const titles = tmplIds.map((id) => NOTICE_TEMPLATES[kinds.find((kind) => TEMPLATE_IDS[kind] === id) as NoticeKind].title);
  const allowed = await showSubscribeDialog(titles);
  const choice = allowed ? 'accept' : 'reject';
  const choices: SubscribeChoices = Object.fromEntries(tmplIds.map((id) => [id, choice]));
  if (!allowed) return choices;
  try {
    const token = devToken();
    const res = await Taro.request({
      url: '/dev/subscribe',
      method: 'POST',
      data: { tmplIds },
      header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      dataType: 'json',
      timeout: 15000,
    });
    return res.statusCode === 200 ? choices : {};
  } catch {
    return {};
  }
}
