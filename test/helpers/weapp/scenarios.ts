/**
 * What each page of the weapp needs to open like a person would open it (a query with seed ids) and the texts that
 * person must see (the same texts the H5 e2e specs check). The page list itself comes from app.json: a page
 * without an entry here is still rendered for every persona, with the default checks (no error, some text).
 */
import { PERSONAS, type Persona } from '../../../local/seed/personas';

export interface PageScenario {
  query?: Record<string, string>;
  /** Texts the page shows to `persona` once loaded (every one must appear). */
  texts?: (persona: Persona) => string[];
}

const STAFF_ROLES: Persona['role'][] = ['community_staff', 'league_staff', 'unit_admin'];
const isHomeStaff = (p: Persona) => p.openid === 'demo-community-staff';
/** A member who has not registered yet has no community until they pick one on 首页. */
const hasCommunity = (p: Persona) => p.role !== 'new_member';

export const SCENARIOS: Record<string, PageScenario> = {
  'pages/index/index': { texts: (p) => (!hasCommunity(p) ? ['请选择您居住的社区', '湖滨社区'] : p.openid === 'demo-other-community-staff' ? ['朝阳新城社区'] : ['湖滨社区', '社区公告', '关于开展秋季环境卫生整治的通知']) },
  'pages/wishes/index': { texts: () => ['心愿墙', '想要一套课外读物', '陈**（留守儿童）'] },
  'pages/qa/index': { texts: (p) => (hasCommunity(p) ? ['我要提问', '提交问题'] : ['请先选择社区']) },
  'pages/me/index': { texts: (p) => (p.role === 'member' ? ['李建国', '13907911234', '南昌市直机关工委'] : ['我的角色']) },
  'pages/notice-list/index': { texts: (p) => (!hasCommunity(p) ? ['请先在首页选择您居住的社区'] : p.openid === 'demo-other-community-staff' ? ['公告'] : ['关于开展秋季环境卫生整治的通知']) },
  'pages/notice-detail/index': { query: { id: 'n-seed-1' }, texts: () => ['关于开展秋季环境卫生整治的通知', '社区广场集合'] },
  'pages/question-detail/index': { query: { id: 'q-seed-1' }, texts: () => ['小区门口路灯不亮', '已办结', '路灯已于次日修复'] },
  'pages/question-public/index': { query: { communityId: 'c-donghu-hubin' }, texts: () => ['问政公开', '收到', '小区门口路灯不亮', '王*'] },
  'pages/wish-detail/index': { query: { id: 'w-seed-1' }, texts: () => ['想要一套课外读物', '待认领', '陈**（留守儿童）'] },
  'pages/wish-post/index': { texts: () => ['心愿标题', '提交心愿'] },
  'pages/checkin/index': { query: { scene: 'c-donghu-hubin' }, texts: () => ['湖滨社区'] },
  'pages/activity-list/index': { texts: (p) => (hasCommunity(p) && p.openid !== 'demo-other-community-staff' ? ['党的政策进社区宣讲', '名额 0/30'] : []) },
  'pages/activity-detail/index': { query: { id: 'a-seed-policy' }, texts: () => ['党的政策进社区宣讲'] },
  'pages/certificate-verify/index': { texts: () => ['证明核验'] },
  'packages/staff/pages/wish-review/index': { texts: (p) => (isHomeStaff(p) ? ['待审核的心愿'] : []) },
  'packages/staff/pages/qa-handle/index': { query: { id: 'q-seed-1' }, texts: (p) => (isHomeStaff(p) ? ['小区门口路灯不亮'] : []) },
  'packages/staff/pages/notice-editor/index': { query: { id: 'n-seed-1' } },
  'packages/staff/pages/checkin-hub/index': { texts: (p) => (isHomeStaff(p) ? ['湖滨社区'] : []) },
  'packages/staff/pages/activity-manage/index': { texts: (p) => (isHomeStaff(p) ? ['党的政策进社区宣讲'] : []) },
};

/** Who can reach a page: staff pages open from the staff workbench, the admin console from 管理后台; the rest from anywhere. */
export function personasFor(route: string): Persona[] {
  if (route.startsWith('packages/staff/')) return PERSONAS.filter((p) => STAFF_ROLES.includes(p.role));
  if (route.startsWith('packages/admin/')) return PERSONAS.filter((p) => p.role === 'admin');
  return PERSONAS;
}

export { PERSONAS };
