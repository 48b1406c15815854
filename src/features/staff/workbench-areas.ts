/** The staff workbench's areas. Each not built yet says so plainly. */
export interface WorkbenchArea {
  key: string;
  title: string;
}

export const WORKBENCH_AREAS: WorkbenchArea[] = [
  { key: 'checkins', title: '报到确认' },
  { key: 'activities', title: '服务活动与签到' },
  { key: 'hours', title: '服务时长确认' },
  { key: 'wishes', title: '微心愿审核与督办' },
  { key: 'qa', title: '问政受理与答复' },
  { key: 'notices', title: '社区公告与公示' },
  { key: 'opinions', title: '党员年度评价' },
  { key: 'ledgers', title: '台账与统计' },
  { key: 'settings', title: '社区位置与报到码' },
];

/** Communities the caller may manage, from their grants. */
export const staffCommunities = (grants: { role: string; scopeType: string; scopeId: string; scopeName: string }[]) => {
  const seen = new Set<string>();
  return grants
    .filter((g) => (g.role === 'community_staff' || g.role === 'league_staff') && g.scopeType === 'community')
    .filter((g) => (seen.has(g.scopeId) ? false : (seen.add(g.scopeId), true)))
    .map((g) => ({ id: g.scopeId, name: g.scopeName || g.scopeId }));
};
