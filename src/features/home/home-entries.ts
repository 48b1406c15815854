/** What the home page offers, by role. Pure, so it is tested without a renderer. */
export type EntryTarget = { kind: 'page'; url: string } | { kind: 'tab'; url: string } | { kind: 'soon' };
import { ROUTES, ACTIVITY_LIST_URL, ADMIN_CONSOLE_URL, CHECKIN_URL, NOTICE_LIST_URL, RECORDS_URL, STAFF_CHECKIN_HUB_URL, STAFF_WORKBENCH_URL } from '@/routes';

export interface HomeEntry {
  key: string;
  title: string;
  description: string;
  target: EntryTarget;
}



export function entriesFor(roles: readonly string[]): HomeEntry[] {
  const has = (r: string) => roles.includes(r);
  const entries: HomeEntry[] = [];
  if (has('member')) {
    entries.push(
      { key: 'checkin', title: '到社区报到', description: '扫社区码，到居住地社区报到', target: { kind: 'page', url: CHECKIN_URL } },
      { key: 'records', title: '我的服务记录', description: '服务时长、参与活动与证明', target: { kind: 'page', url: RECORDS_URL } },
      { key: 'activities', title: '社区服务活动', description: '报名参加，定位签到签退', target: { kind: 'page', url: ACTIVITY_LIST_URL } },
    );
  }
  if (has('community_staff') || has('league_staff')) {
    entries.push({ key: 'workbench', title: '社区工作台', description: '报到确认、活动、心愿与问政办理', target: { kind: 'page', url: STAFF_WORKBENCH_URL } });
  }
  if (has('community_staff')) {
    entries.push({ key: 'checkin-staff', title: '报到与服务管理', description: '报到确认、发布活动、时长确认、报到码', target: { kind: 'page', url: STAFF_CHECKIN_HUB_URL } });
  }
  if (has('unit_admin')) {
    entries.push({ key: 'unit', title: '单位党员情况', description: '本单位党员报到、服务与社区意见（一单一表）', target: { kind: 'page', url: ROUTES.ledgerUnitMembers } });
    entries.push({ key: 'unit-activities', title: '四进四联工作台账', description: '本单位党员进社区的走访、听取意见与解决问题', target: { kind: 'page', url: ROUTES.ledgerUnitActivities } });
    entries.push({ key: 'quarterly', title: '四进四联统计表', description: '按季度查看并报送本单位统计表', target: { kind: 'page', url: ROUTES.statsQuarterly } });
  }
  if (has('admin')) {
    entries.push({ key: 'admin', title: '管理后台', description: '创建社区和单位，授予角色', target: { kind: 'page', url: ADMIN_CONSOLE_URL } });
    entries.push({ key: 'dashboard', title: '统计看板', description: '各社区报到、服务、心愿与问政情况', target: { kind: 'page', url: ROUTES.statsDashboard } });
  }
  entries.push(
    { key: 'wishes', title: '微心愿', description: '点亮身边群众的微心愿', target: { kind: 'tab', url: ROUTES.wishes } },
    { key: 'qa', title: '网络问政', description: '向社区党组织反映问题', target: { kind: 'tab', url: ROUTES.qa } },
    { key: 'notices', title: '社区公告', description: '通知公告、党务公开', target: { kind: 'page', url: NOTICE_LIST_URL } },
  );
  return entries;
}
