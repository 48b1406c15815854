import type { InboxItem, QuestionView } from '../../../../src/domain/question.schema';
import { expectOk, type TestPlatform } from '../../../helpers/local-platform';
import { aQuestion, requestId } from '../../../fixtures/builders';
import { ADMIN, CHAOYANG, HUBIN as HUBIN_PLACE, RESIDENT } from '../../../fixtures/personas';

export { requestId };
export { RESIDENT, STAFF, UNIT_ADMIN } from '../../../fixtures/personas';
/** Granted by `grantQaStaff` (not seeded): staff of the 街道 above 湖滨社区 and of another community. */
export const STREET_STAFF = 'qa-street-staff';
export const OTHER_STAFF = 'qa-chaoyang-staff';
export const HUBIN = HUBIN_PLACE.id;

export const question = (overrides: Record<string, unknown> = {}) => aQuestion(overrides);

/** Staff of the 街道 above 湖滨社区 and of another community, granted by the admin as in production. */
export async function grantQaStaff(platform: TestPlatform): Promise<void> {
  expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: STREET_STAFF, role: 'community_staff', scopeType: 'street', scopeId: HUBIN_PLACE.streetId }));
  expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: OTHER_STAFF, role: 'community_staff', scopeType: 'community', scopeId: CHAOYANG.id }));
}

export async function askAs(platform: TestPlatform, openid = RESIDENT, overrides: Record<string, unknown> = {}): Promise<QuestionView> {
  return expectOk(await platform.call<QuestionView>('qa', openid, question(overrides)));
}

export async function inboxOf(platform: TestPlatform, openid: string): Promise<InboxItem[]> {
  return expectOk(await platform.call<{ items: InboxItem[] }>('qa', openid, { action: 'inbox' })).items;
}

export const answerPayload = (id: string, content = '已联系物业维修，今晚恢复照明。') => ({ action: 'answer', id, content, requestId: requestId() });
