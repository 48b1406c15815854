import type { InboxItem, QuestionView } from '../../../../src/domain/question.schema';
import { expectOk, type TestPlatform } from '../../../helpers/local-platform';

export const RESIDENT = 'demo-resident';
export const STAFF = 'demo-community-staff';
export const STREET_STAFF = 'qa-street-staff';
export const OTHER_STAFF = 'qa-chaoyang-staff';
export const UNIT_ADMIN = 'demo-unit-admin';
export const HUBIN = 'c-donghu-hubin';

let seq = 0;
export const requestId = () => `qa-req-${(seq += 1).toString().padStart(5, '0')}`;

export const question = (overrides: Record<string, unknown> = {}) => ({
  action: 'ask',
  title: '小区路灯不亮',
  content: '3 栋门口的路灯坏了一周，晚上出行不安全，希望尽快维修。',
  category: '社区治理',
  askerName: '张三',
  requestId: requestId(),
  ...overrides,
});

/** Staff of the 街道 above 湖滨社区 and of another community, granted by the admin as in production. */
export async function grantQaStaff(platform: TestPlatform): Promise<void> {
  expectOk(await platform.call('user', 'demo-admin', { action: 'grantRole', openid: STREET_STAFF, role: 'community_staff', scopeType: 'street', scopeId: 'st-baihuazhou' }));
  expectOk(await platform.call('user', 'demo-admin', { action: 'grantRole', openid: OTHER_STAFF, role: 'community_staff', scopeType: 'community', scopeId: 'c-xihu-chaoyang' }));
}

export async function askAs(platform: TestPlatform, openid = RESIDENT, overrides: Record<string, unknown> = {}): Promise<QuestionView> {
  return expectOk(await platform.call<QuestionView>('qa', openid, question(overrides)));
}

export async function inboxOf(platform: TestPlatform, openid: string): Promise<InboxItem[]> {
  return expectOk(await platform.call<{ items: InboxItem[] }>('qa', openid, { action: 'inbox' })).items;
}

export const answerPayload = (id: string, content = '已联系物业维修，今晚恢复照明。') => ({ action: 'answer', id, content, requestId: requestId() });
