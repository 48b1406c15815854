/** The staff workbench's areas. Each not built yet (no url) says so plainly. */
export interface WorkbenchArea {
  key: string;
  title: string;
  url?: string;
}

export const WORKBENCH_AREAS: WorkbenchArea[] = [
  { key: 'checkins', title: '报到确认', url: '/packages/staff/pages/checkin-review/index' },
  { key: 'activities', title: '服务活动与签到', url: '/packages/staff/pages/activity-manage/index' },
  { key: 'hours', title: '服务时长确认', url: '/packages/staff/pages/service-review/index' },
  { key: 'wishes', title: '微心愿审核与督办', url: '/packages/staff/pages/wish-review/index' },
  { key: 'qa', title: '问政受理与答复', url: '/packages/staff/pages/qa-inbox/index' },
  { key: 'notices', title: '社区公告与公示', url: '/pages/notice-list/index' },
  { key: 'opinions', title: '党员年度评价' },
  { key: 'ledgers', title: '台账与统计' },
  { key: 'settings', title: '社区位置与报到码', url: '/packages/staff/pages/checkin-settings/index' },
];

/** Communities the caller may manage, from their grants. */
export const staffCommunities = (grants: { role: string; scopeType: string; scopeId: string; scopeName: string }[]) => {
  const seen = new Set<string>();
  return grants
    .filter((g) => g.role === 'community_staff' && g.scopeType === 'community')
    .filter((g) => (seen.has(g.scopeId) ? false : (seen.add(g.scopeId), true)))
    .map((g) => ({ id: g.scopeId, name: g.scopeName || g.scopeId }));
};
