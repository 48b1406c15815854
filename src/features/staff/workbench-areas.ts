import { ROUTES } from '@/routes';
/** The staff workbench's areas. Each not built yet (no url) says so plainly. */
export interface WorkbenchArea {
  key: string;
  title: string;
  url?: string;
}

export const WORKBENCH_AREAS: WorkbenchArea[] = [
  { key: 'checkins', title: '报到确认', url: ROUTES.staffCheckinReview },
  { key: 'activities', title: '服务活动与签到', url: ROUTES.staffActivityManage },
  { key: 'hours', title: '服务时长确认', url: ROUTES.staffServiceReview },
  { key: 'wishes', title: '微心愿审核与督办', url: ROUTES.staffWishReview },
  { key: 'qa', title: '问政受理与答复', url: ROUTES.staffQaInbox },
  { key: 'notices', title: '社区公告与公示', url: ROUTES.noticeList },
  { key: 'opinions', title: '党员年度评价', url: ROUTES.ledgerOpinions },
  { key: 'ledgers', title: '报到台账', url: ROUTES.ledgerCheckins },
  { key: 'service-ledger', title: '服务纪实台账', url: ROUTES.ledgerServices },
  { key: 'wish-ledger', title: '微心愿台账', url: ROUTES.ledgerWishes },
  { key: 'question-ledger', title: '问题台账', url: ROUTES.ledgerQuestions },
  { key: 'quarterly', title: '四进四联统计表', url: ROUTES.statsQuarterly },
  { key: 'dashboard', title: '统计看板（街道）', url: ROUTES.statsDashboard },
  { key: 'settings', title: '社区位置与报到码', url: ROUTES.staffCheckinSettings },
  { key: 'org-pledges', title: '党组织定诺与评诺', url: ROUTES.myOrgs },
  { key: 'unit-pledges', title: '单位党员承诺（评诺结果）', url: ROUTES.unitPledges },
  // Listed only for those with 五星创评 work (the count is present): see workbench.tsx.
  { key: 'stars', title: '五星创评', url: ROUTES.starWork },
];

/**
 * What each area's pending count is called, by area key; the count itself comes from `user.workbench` in one read.
 * An area without a row here shows no count.
 */
export const WORKBENCH_PENDING: Record<string, { count: 'checkins' | 'hours' | 'wishes' | 'qa' | 'stars'; label: string }> = {
  checkins: { count: 'checkins', label: '待审核报到' },
  hours: { count: 'hours', label: '待确认时长' },
  wishes: { count: 'wishes', label: '待审核心愿' },
  qa: { count: 'qa', label: '待处理问政' },
  stars: { count: 'stars', label: '待自评、审核或评定' },
};
