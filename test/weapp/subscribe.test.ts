import { localTemplateId } from '../../src/domain/notice-templates';
import { expectOk, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { appAs, formatProblems, loadTemplates, WEAPP_DIR, type Templates } from '../helpers/weapp/session';
import type { WeappApp } from '../helpers/weapp/runtime';

/**
 * Subscribe messages on the weapp build (built with the local template ids, scripts/test.sh): a tap that leads to a
 * notice asks wx.requestSubscribeMessage from the tap itself, 允许 grants on the platform as on WeChat, and the one
 * message that grant allows is what reaches the outbox. A platform of its own, so the outbox holds only these.
 */
let platform: TestPlatform;
let templates: Templates;

beforeAll(async () => {
  templates = loadTemplates(WEAPP_DIR);
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const subscribeCalls = (app: WeappApp) => app.calls.filter((c) => c.api === 'requestSubscribeMessage');

async function grantsOf(openid: string) {
  const { grants } = (await (await fetch(`${platform.url}/_emulator/subscriptions`)).json()) as { grants: { openid: string; templateId: string; remaining: number }[] };
  return grants.filter((g) => g.openid === openid);
}

it('我来认领 asks from the tap for the claim notices; staff revoking the claim sends exactly the claim-ended message', async () => {
  const app = appAs(WEAPP_DIR, templates, platform, 'demo-member');
  try {
    await app.launch();
    const page = await app.open('pages/wish-detail/index', { id: 'w-seed-3' });
    expect(subscribeCalls(app)).toEqual([]);
    await page.tap('e2e-action-claim');
    expect(page.text()).toContain('已认领');
    const claimIds = [localTemplateId('wishClaimReminder'), localTemplateId('wishClaimEnded')];
    expect(subscribeCalls(app).map((c) => [c.args.tmplIds, c.fromTap, c.page])).toEqual([[claimIds, true, 'pages/wish-detail/index']]);
    expect(await grantsOf('demo-member')).toEqual(claimIds.map((templateId) => ({ openid: 'demo-member', templateId, remaining: 1 })));
    expect(formatProblems(app.problems)).toEqual([]);
  } finally {
    app.dispose();
  }

  expectOk(await platform.call('wish', 'demo-community-staff', { action: 'move', wishId: 'w-seed-3', event: 'revoke', reason: '受助人已由家属照顾' }));
  const sent = platform.emulator.wx.outbox().filter((m) => m.touser === 'demo-member');
  expect(sent.map((m) => [m.template_id, m.page, m.data])).toEqual([
    [localTemplateId('wishClaimEnded'), 'pages/wish-detail/index?id=w-seed-3', { thing1: { value: expect.any(String) }, phrase2: { value: '已撤销' }, thing3: { value: '受助人已由家属照顾' } }],
  ]);
  // The grant was used up by that one message; the reminder's grant waits for its message.
  expect(await grantsOf('demo-member')).toEqual([{ openid: 'demo-member', templateId: localTemplateId('wishClaimReminder'), remaining: 1 }]);
}, 60_000);

it('获取位置并报到 asks from the tap for the 报到 result; staff confirming sends it', async () => {
  const app = appAs(WEAPP_DIR, templates, platform, 'demo-member');
  try {
    await app.launch();
    const page = await app.open('pages/checkin/index', { scene: 'c-donghu-hubin' });
    await page.tap('e2e-checkin-submit');
    expect(subscribeCalls(app).map((c) => [c.args.tmplIds, c.fromTap])).toEqual([[[localTemplateId('checkinReviewed')], true]]);
    expect(page.text()).toContain('待社区确认');
    expect(formatProblems(app.problems)).toEqual([]);
  } finally {
    app.dispose();
  }
  expectOk(await platform.call('checkin', 'demo-community-staff', { action: 'reviewCheckin', memberOpenid: 'demo-member', decision: 'confirm' }));
  const sent = platform.emulator.wx.outbox().filter((m) => m.template_id === localTemplateId('checkinReviewed'));
  expect(sent.map((m) => m.touser)).toEqual(['demo-member']);
}, 60_000);

it('取消 in WeChat’s sheet (from the 提交问题 tap) grants nothing', async () => {
  const app = appAs(WEAPP_DIR, templates, platform, 'demo-resident', { subscriptionAccepted: false });
  try {
    await app.launch();
    const page = await app.open('pages/qa/index');
    await page.tap('e2e-submit-question');
    expect(subscribeCalls(app).map((c) => [c.args.tmplIds, c.fromTap])).toEqual([[[localTemplateId('questionAnswered')], true]]);
    expect(await grantsOf('demo-resident')).toEqual([]);
  } finally {
    app.dispose();
  }
}, 60_000);

it('requestSubscribeMessage outside a tap fails as on WeChat, and grants nothing', async () => {
  const app = appAs(WEAPP_DIR, templates, platform, 'demo-league-staff');
  try {
    await app.launch();
    const wx = (app as unknown as { wx: { requestSubscribeMessage: (o: { tmplIds: string[] }) => Promise<unknown> } }).wx;
    await expect(wx.requestSubscribeMessage({ tmplIds: [localTemplateId('wishReviewed')] })).rejects.toMatchObject({
      errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
    });
    expect(await grantsOf('demo-league-staff')).toEqual([]);
  } finally {
    app.dispose();
  }
});

it('a template id the mini-program does not have fails the request (20001) and the run', async () => {
  const app = appAs(WEAPP_DIR, templates, platform, 'demo-league-staff');
  try {
    await app.launch();
    const wx = (app as unknown as { wx: { requestSubscribeMessage: (o: { tmplIds: string[] }) => Promise<unknown> } }).wx;
    app.inTap = true;
    const asked = wx.requestSubscribeMessage({ tmplIds: ['TPL_NOT_IN_THIS_APP'] });
    app.inTap = false;
    await expect(asked).rejects.toMatchObject({ errCode: 20001 });
    expect(formatProblems(app.problems).join('\n')).toContain('TPL_NOT_IN_THIS_APP');
    expect(await grantsOf('demo-league-staff')).toEqual([]);
  } finally {
    app.dispose();
  }
});
