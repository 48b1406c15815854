/**
 * Every page of the app, by name: links are built from here, so a page that moves is changed in one place.
 * test/unit/src/routes.test.ts checks this table against src/app.config.ts (every route is a page, every page a route).
 */
const STAFF = '/packages/staff/pages';

export const ROUTES = {
  home: '/pages/index/index',
  wishes: '/pages/wishes/index',
  qa: '/pages/qa/index',
  me: '/pages/me/index',
  memberRegister: '/pages/member-register/index',
  noticeList: '/pages/notice-list/index',
  noticeDetail: '/pages/notice-detail/index',
  questionDetail: '/pages/question-detail/index',
  questionPublic: '/pages/question-public/index',
  wishDetail: '/pages/wish-detail/index',
  wishPost: '/pages/wish-post/index',
  wishMine: '/pages/wish-mine/index',
  checkin: '/pages/checkin/index',
  activityList: '/pages/activity-list/index',
  activityDetail: '/pages/activity-detail/index',
  records: '/pages/records/index',
  serviceForm: '/pages/records/service-form',
  certificate: '/pages/certificate/index',
  certificateVerify: '/pages/certificate-verify/index',
  myData: '/pages/my-data/index',
  privacyPolicy: '/pages/privacy-policy/index',
  /** Local H5 builds only (the persona picker). */
  login: '/pages/login/index',
  staffWorkbench: `${STAFF}/workbench/index`,
  staffQaInbox: `${STAFF}/qa-inbox/index`,
  staffQaHandle: `${STAFF}/qa-handle/index`,
  staffNoticeEditor: `${STAFF}/notice-editor/index`,
  staffWishReview: `${STAFF}/wish-review/index`,
  staffWishChase: `${STAFF}/wish-chase/index`,
  staffWishCampaign: `${STAFF}/wish-campaign/index`,
  staffWishMatch: `${STAFF}/wish-match/index`,
  staffCheckinHub: `${STAFF}/checkin-hub/index`,
  staffCheckinReview: `${STAFF}/checkin-review/index`,
  staffCheckinSettings: `${STAFF}/checkin-settings/index`,
  staffActivityPublish: `${STAFF}/activity-publish/index`,
  staffActivityManage: `${STAFF}/activity-manage/index`,
  staffActivityCode: `${STAFF}/activity-code/index`,
  staffServiceReview: `${STAFF}/service-review/index`,
  adminConsole: '/packages/admin/pages/console/index',
  ledgerUnitMembers: '/packages/ledger/pages/unit-members/index',
  ledgerUnitActivities: '/packages/ledger/pages/unit-activities/index',
  ledgerCheckins: '/packages/ledger/pages/checkin-ledger/index',
  ledgerOpinions: '/packages/ledger/pages/opinions/index',
  myOpinions: '/packages/ledger/pages/my-opinions/index',
  ledgerServices: '/packages/ledger/pages/service-ledger/index',
  ledgerWishes: '/packages/ledger/pages/wish-ledger/index',
  ledgerQuestions: '/packages/ledger/pages/question-ledger/index',
  statsQuarterly: '/packages/stats/pages/quarterly/index',
  statsSubmissions: '/packages/stats/pages/submissions/index',
  statsDashboard: '/packages/stats/pages/dashboard/index',
  orgProjects: '/packages/projects/pages/org-projects/index',
  projectApply: '/packages/projects/pages/apply/index',
  projectResubmit: '/packages/projects/pages/resubmit/index',
  projectDetail: '/packages/projects/pages/project-detail/index',
  projectDispatch: '/packages/projects/pages/dispatch/index',
  projectAccept: '/packages/projects/pages/accept/index',
  publicProjects: '/packages/projects/pages/public/index',
  myPledges: '/packages/org/pages/my-pledges/index',
  orgPledgeReview: '/packages/org/pages/pledge-review/index',
  orgPage: '/packages/org/pages/org-page/index',
  myOrgs: '/packages/org/pages/my-orgs/index',
  unitPledges: '/packages/org/pages/unit-pledges/index',
  starAssess: '/packages/stars/pages/assess/index',
  starRating: '/packages/stars/pages/rating/index',
  starPublicity: '/packages/stars/pages/publicity/index',
  starStatistics: '/packages/stars/pages/statistics/index',
  starReports: '/packages/stars/pages/reports/index',
  starWork: '/packages/stars/pages/work/index',
  starSheet: '/packages/stars/pages/sheet/index',
  starUpgrade: '/packages/stars/pages/upgrade/index',
  starUpgrades: '/packages/stars/pages/upgrades/index',
} as const;

export type RouteName = keyof typeof ROUTES;

/** A page's URL with its query; empty values are left out. */
export function urlOf(name: RouteName, query: Record<string, string | undefined> = {}): string {
  return withQuery(ROUTES[name], query);
}

export const withQuery = (url: string, query: Record<string, string | undefined>) => {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `${url}?${parts.join('&')}` : url;
};

// The names screens link with.
export const LOGIN_PAGE = ROUTES.login;
export const MEMBER_REGISTER_URL = ROUTES.memberRegister;
export const STAFF_WORKBENCH_URL = ROUTES.staffWorkbench;
export const ADMIN_CONSOLE_URL = ROUTES.adminConsole;
/** Without a community in the link the list shows the one the person lives in. */
export const NOTICE_LIST_URL = ROUTES.noticeList;

export const WISH_POST_URL = ROUTES.wishPost;
export const WISH_MINE_URL = ROUTES.wishMine;
export const wishDetailUrl = (id: string) => urlOf('wishDetail', { id });

export const CHECKIN_URL = ROUTES.checkin;
export const ACTIVITY_LIST_URL = ROUTES.activityList;
export const ACTIVITY_DETAIL_URL = ROUTES.activityDetail;
export const RECORDS_URL = ROUTES.records;
export const SERVICE_FORM_URL = ROUTES.serviceForm;
export const CERTIFICATE_URL = ROUTES.certificate;
export const MY_OPINIONS_URL = ROUTES.myOpinions;
export const STAFF_CHECKIN_HUB_URL = ROUTES.staffCheckinHub;
export const STAFF_CHECKIN_REVIEW_URL = ROUTES.staffCheckinReview;
export const STAFF_CHECKIN_SETTINGS_URL = ROUTES.staffCheckinSettings;
export const STAFF_ACTIVITY_PUBLISH_URL = ROUTES.staffActivityPublish;
export const STAFF_ACTIVITY_MANAGE_URL = ROUTES.staffActivityManage;
export const activityCodeUrl = (id: string) => urlOf('staffActivityCode', { id });
export const STAFF_SERVICE_REVIEW_URL = ROUTES.staffServiceReview;

export const noticeListUrl = (communityId?: string) => urlOf('noticeList', { communityId });
export const noticeDetailUrl = (id: string) => urlOf('noticeDetail', { id });
export const noticeEditorUrl = (params: { communityId: string } | { id: string }) => urlOf('staffNoticeEditor', params);
export const questionDetailUrl = (id: string) => urlOf('questionDetail', { id });
export const questionPublicUrl = (communityId?: string) => urlOf('questionPublic', { communityId });
export const QA_INBOX_URL = ROUTES.staffQaInbox;
export const qaHandleUrl = (id: string) => urlOf('staffQaHandle', { id });
