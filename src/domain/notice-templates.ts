/**
 * The subscribe-message templates (一次性订阅消息) the product sends, listed once for the functions (which send
 * them), the app (which asks the user for them) and the local emulator (which knows their keys).
 *
 * A template's id is chosen in the mini-program's admin console (订阅消息 → 我的模板), so it differs per deployment.
 * It is declared once, in the build environment, under `setting` (e.g. in `.env.production`): Taro puts
 * TARO_APP_* variables into the app, and cloudbaserc.json hands the same variables to the functions that send.
 * The local platform uses `localTemplateId(kind)` on both sides instead.
 */
export const NOTICE_TEMPLATES = {
  wishClaimReminder: {
    setting: 'TARO_APP_TPL_WISH_CLAIM_REMINDER',
    title: '心愿认领到期提醒',
    keys: ['thing1', 'date2', 'thing3'],
  },
  wishClaimEnded: {
    setting: 'TARO_APP_TPL_WISH_CLAIM_ENDED',
    title: '心愿认领结束通知',
    keys: ['thing1', 'phrase2', 'thing3'],
  },
  wishReviewed: {
    setting: 'TARO_APP_TPL_WISH_REVIEWED',
    title: '心愿审核结果通知',
    keys: ['thing1', 'phrase2', 'thing3'],
  },
  wishDelivered: {
    setting: 'TARO_APP_TPL_WISH_DELIVERED',
    title: '心愿送达通知',
    keys: ['thing1', 'thing2'],
  },
  questionAnswered: {
    setting: 'TARO_APP_TPL_QUESTION_ANSWERED',
    title: '问题答复通知',
    keys: ['thing1', 'thing2', 'time3'],
  },
  checkinReviewed: {
    setting: 'TARO_APP_TPL_CHECKIN_REVIEWED',
    title: '报到审核结果通知',
    keys: ['thing1', 'phrase2', 'thing3'],
  },
  serviceLogReviewed: {
    setting: 'TARO_APP_TPL_SERVICE_LOG_REVIEWED',
    title: '服务记录审核结果通知',
    keys: ['thing1', 'phrase2', 'thing3'],
  },
  projectMilestoneDue: {
    setting: 'TARO_APP_TPL_PROJECT_MILESTONE_DUE',
    title: '党建项目节点到期提醒',
    keys: ['thing1', 'thing2', 'date3'],
  },
  projectDispatched: {
    setting: 'TARO_APP_TPL_PROJECT_DISPATCHED',
    title: '党建项目调度通知',
    keys: ['thing1', 'thing2'],
  },
  /** 评诺 at year end: to the branch secretary (how many are waiting) and to the member (their pledge will be rated). */
  pledgeReviewDue: {
    setting: 'TARO_APP_TPL_PLEDGE_REVIEW_DUE',
    title: '承诺评诺提醒',
    keys: ['thing1', 'thing2', 'date3'],
  },
  /** The answer to a 五星创评 异议, to the person who raised it. */
  starObjectionAnswered: {
    setting: 'TARO_APP_TPL_STAR_OBJECTION_ANSWERED',
    title: '异议处理结果通知',
    keys: ['thing1', 'phrase2', 'thing3'],
  },
  /** The rating organisation's decision on a 升级增星 application, to the branch secretary who applied. */
  starUpgradeDecided: {
    setting: 'TARO_APP_TPL_STAR_UPGRADE_DECIDED',
    title: '升级增星审批结果通知',
    keys: ['thing1', 'phrase2', 'thing3'],
  },
} as const satisfies Record<string, { setting: `TARO_APP_TPL_${string}`; title: string; keys: readonly string[] }>;

export type NoticeKind = keyof typeof NOTICE_TEMPLATES;
export type NoticeKeys<K extends NoticeKind> = (typeof NOTICE_TEMPLATES)[K]['keys'][number];

export const NOTICE_KINDS = Object.keys(NOTICE_TEMPLATES) as NoticeKind[];

/** WeChat shows at most 3 templates in one wx.requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** The id the local platform (emulator, functions and local H5 build) uses for a template. */
export const localTemplateId = (kind: NoticeKind): string => `local-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The environment of the local platform: every template setting set to its local id. */
export function localTemplateEnv(): Record<string, string> {
  return Object.fromEntries(NOTICE_KINDS.map((kind) => [NOTICE_TEMPLATES[kind].setting, localTemplateId(kind)]));
}

/** The emulator's `templates` option for the local platform: local id → data keys. */
export function localTemplateKeys(): Record<string, readonly string[]> {
  return Object.fromEntries(NOTICE_KINDS.map((kind) => [localTemplateId(kind), NOTICE_TEMPLATES[kind].keys]));
}
