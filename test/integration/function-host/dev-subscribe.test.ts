import { localTemplateId } from '../../../src/domain/notice-templates';
import { startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: false });
}, 60_000);

afterAll(() => platform?.close());

const subscribe = async (body: unknown, token?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${platform.url}/dev/subscribe`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const grants = async () => ((await (await fetch(`${platform.url}/_emulator/subscriptions`)).json()) as { grants: unknown[] }).grants;

describe('POST /dev/subscribe (local H5 stand-in for wx.requestSubscribeMessage)', () => {
  it('grants the signed-in user one message per template, visible at /_emulator/subscriptions', async () => {
    const token = await platform.login('sub-user');
    const ids = [localTemplateId('wishReviewed'), localTemplateId('wishDelivered')];
    expect(await subscribe({ tmplIds: ids }, token)).toEqual({ status: 200, body: { ok: true, data: { [ids[0]]: 'accept', [ids[1]]: 'accept' } } });
    expect(await grants()).toEqual(ids.map((templateId) => ({ openid: 'sub-user', templateId, remaining: 1 })));
  });

  it.each<[string, unknown]>([
    ['an unknown template', { tmplIds: ['wish-claim-reminder'] }],
    ['no templates', { tmplIds: [] }],
    ['four templates', { tmplIds: ['wishReviewed', 'wishDelivered', 'questionAnswered', 'checkinReviewed'].map((k) => localTemplateId(k as 'wishReviewed')) }],
    ['ids that are not strings', { tmplIds: [1] }],
    ['a body that is not JSON', '{"tmplIds":'],
  ])('refuses %s with 400 and grants nothing', async (_name, body) => {
    const before = await grants();
    const token = await platform.login('sub-bad');
    const res = await subscribe(body, token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_ARGUMENT');
    expect(await grants()).toEqual(before);
  });

  it('needs a valid dev token', async () => {
    expect((await subscribe({ tmplIds: [localTemplateId('questionAnswered')] })).status).toBe(401);
    expect((await subscribe({ tmplIds: [localTemplateId('questionAnswered')] }, 'forged')).status).toBe(401);
  });
});
