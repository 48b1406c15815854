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
  { key: 'opinions', title: '党员年度评价' },
  { key: 'ledgers', title: '台账与统计' },
  { key: 'settings', title: '社区位置与报到码', url: ROUTES.staffCheckinSettings },
];
