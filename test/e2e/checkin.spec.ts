import type { BrowserContext, Page } from 'playwright-core';
import { answerSubscription, launchBrowser, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { localTemplateId } from '../../src/domain/notice-templates';
import { H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { gcj02ToWgs84 } from '../../src/domain/geo';
import { parseShanghaiMinute } from '../../src/domain/shanghai-time';
import { MEMBER, STAFF } from '../fixtures/personas';
import { ROUTES } from '../../src/routes';
import { qrImageUrl } from '../../src/lib/qr';

/** 湖滨社区 (seed, GCJ-02) and places the browser reports in WGS-84, as a real browser would. */
const HUBIN = { latitude: 28.6812, longitude: 115.9012 };
const northOf = (meters: number) => gcj02ToWgs84({ latitude: HUBIN.latitude + meters / 111_195, longitude: HUBIN.longitude });
const AT_120_M = { ...northOf(120), accuracy: 25 };
const AT_2_KM = { ...northOf(2000), accuracy: 25 };

let clock = parseShanghaiMinute('2025-05-20 10:00') as Date;
const setClock = (text: string) => {
  clock = parseShanghaiMinute(text) as Date;
};

let platform: TestPlatform;
let staff: BrowserContext;
let member: BrowserContext;

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR, now: () => clock });
  staff = await launchBrowser();
  member = await launchBrowser({ geolocation: AT_2_KM });
}, 60_000);

afterAll(async () => {
  await staff?.close();
  await member?.close();
  await platform?.close();
});

async function loginAs(context: BrowserContext, persona: string): Promise<Page> {
  const page = await context.newPage();
  await pickPersona(page, platform.url, `e2e-persona-${persona}`);
  return page;
}

const open = async (page: Page, route: string) => {
  await page.goto(`${platform.url}/#/${route}`);
  await page.waitForLoadState('networkidle');
};
const fill = (page: Page, field: string, value: string) => visiblePage(page).locator(`.e2e-input-${field} input`).fill(value);
const tap = (page: Page, hook: string) => visiblePage(page).locator(`.${hook}`).click();

const TITLE = '湖滨社区环境整治';

describe('在职党员到社区报到, serves and sees the hours (Chromium, geolocation set)', () => {
  let staffPage: Page;
  let memberPage: Page;

  it('staff of 湖滨社区 publish an activity and see the community code', async () => {
    staffPage = await loginAs(staff, STAFF);
    await open(staffPage, 'packages/staff/pages/activity-publish/index');
    await fill(staffPage, 'title', TITLE);
    await fill(staffPage, 'startAt', '2025-06-01 09:00');
    await fill(staffPage, 'endAt', '2025-06-01 11:00');
    await fill(staffPage, 'capacity', '10');
    await fill(staffPage, 'contact', '王主任');
    await screenshot(staffPage, 'checkin-01-staff-publish-form');
    await tap(staffPage, 'e2e-submit-activity');
    await staffPage.waitForURL(/activity-manage/, { timeout: 15_000 });
    expect(await textOf(visiblePage(staffPage).locator('.e2e-activity-card', { hasText: TITLE }), TITLE)).toContain('名额 0/10');
    await screenshot(staffPage, 'checkin-02-staff-activities');

    await open(staffPage, 'packages/staff/pages/checkin-settings/index');
    expect(await textOf(visiblePage(staffPage).locator('.e2e-community-qr-opens'), 'scene=')).toBe(`${platform.url}/#/pages/checkin/index?scene=c-donghu-hubin`);
    await visiblePage(staffPage).locator('.e2e-fence-form').waitFor();
    await screenshot(staffPage, 'checkin-03-staff-community-code');
  }, 90_000);

  it('a member 2 km away is refused with the distance; at 120 m the 报到 is pending', async () => {
    memberPage = await loginAs(member, MEMBER);
    await open(memberPage, 'pages/checkin/index?scene=c-donghu-hubin');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-checkin-community'), '湖滨社区')).toContain('湖滨社区');
    await tap(memberPage, 'e2e-checkin-submit');
    expect(await answerSubscription(memberPage, '取消')).toEqual(['报到审核结果通知']);
    expect(await textOf(visiblePage(memberPage).locator('.e2e-checkin-error-message'), '公里')).toBe('您距离湖滨社区约 2.0 公里，超出报到范围（500 米）');
    await screenshot(memberPage, 'checkin-04-member-refused-2km');

    await member.setGeolocation(AT_120_M);
    await tap(memberPage, 'e2e-checkin-submit');
    await answerSubscription(memberPage, '允许');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-checkin-standing'), '待社区确认')).toBe('待社区确认');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-checkin-status'), '120')).toContain('约 120 米');
    await screenshot(memberPage, 'checkin-05-member-pending');
  }, 60_000);

  it('staff confirm the 报到; the member is on the roster', async () => {
    await open(staffPage, 'packages/staff/pages/checkin-review/index');
    const row = visiblePage(staffPage).locator('.e2e-pending-checkin-demo-member');
    expect(await textOf(row, '李建国')).toContain('李建国');
    await screenshot(staffPage, 'checkin-06-staff-pending');
    await row.locator('.e2e-confirm-checkin').click();
    expect(await textOf(visiblePage(staffPage).locator('.e2e-roster'), '李建国')).toContain('李建国');
    // One 允许, one message.
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === MEMBER);
    expect(told.map((m) => [m.template_id, m.data.phrase2.value])).toEqual([[localTemplateId('checkinReviewed'), '已确认']]);
    await screenshot(staffPage, 'checkin-07-staff-roster');
  }, 60_000);

  it('the member signs up, checks in at the start and out at the end', async () => {
    await open(memberPage, 'pages/checkin/index');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-checkin-standing'), '已报到')).toBe('已报到');
    await tap(memberPage, 'e2e-checkin-activities');
    await memberPage.waitForURL(/activity-list/);
    await visiblePage(memberPage).locator('.e2e-activity-card', { hasText: TITLE }).click();
    await memberPage.waitForURL(/activity-detail/);
    await tap(memberPage, 'e2e-activity-signup');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-activity-mine'), '已报名')).toBe('已报名');

    setClock('2025-06-01 09:00');
    await memberPage.reload();
    await tap(memberPage, 'e2e-activity-checkin');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-activity-mine'), '已签到')).toBe('已签到');
    await screenshot(memberPage, 'checkin-08-member-checked-in');

    setClock('2025-06-01 11:00');
    await memberPage.reload();
    await tap(memberPage, 'e2e-activity-checkout');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-activity-hours'), '2 小时')).toContain('2 小时');
    await screenshot(memberPage, 'checkin-09-member-checked-out');
  }, 60_000);

  it('staff confirm the log; my record shows the hours and the certificate verifies', async () => {
    setClock('2025-06-02 09:00');
    await open(staffPage, 'packages/staff/pages/service-review/index');
    const log = visiblePage(staffPage).locator('.e2e-pending-log', { hasText: TITLE });
    expect(await textOf(log, '2 小时')).toContain('李建国');
    await screenshot(staffPage, 'checkin-10-staff-pending-log');
    await log.locator('.e2e-rating-excellent').click();
    await log.locator('.e2e-confirm-log').click();
    await visiblePage(staffPage).locator('.e2e-pending-log', { hasText: TITLE }).waitFor({ state: 'detached', timeout: 10_000 });

    await open(memberPage, 'pages/records/index');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-record-hours'), '2')).toBe('2');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-record-log-confirmed'), TITLE)).toContain('已确认');
    await screenshot(memberPage, 'checkin-11-member-record');

    setClock('2025-07-01 10:00');
    await tap(memberPage, 'e2e-record-certificate');
    await memberPage.waitForURL(/certificate\/index/);
    await fill(memberPage, 'from', '2025-01-01');
    await fill(memberPage, 'to', '2025-06-30');
    await tap(memberPage, 'e2e-issue-certificate');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-certificate-hours'), '2 小时')).toBe('2 小时');
    await screenshot(memberPage, 'checkin-12-member-certificate');
    const no = (await textOf(visiblePage(memberPage).locator('.e2e-certificate-no'), 'ZY')).replace('编号：', '');
    const code = /验证码：([A-Z0-9]{8})/.exec(await textOf(visiblePage(memberPage).locator('.e2e-certificate-code'), '验证码'))?.[1] ?? '';

    // The certificate carries a QR of its verify link (this site's 证明核验 with the number and code) …
    const site = await memberPage.evaluate(() => `${location.origin}${location.pathname}`);
    const link = `${site}#${ROUTES.certificateVerify}?no=${no}&code=${code}`;
    expect(await visiblePage(memberPage).locator('.e2e-certificate-qr img').first().getAttribute('src')).toBe(qrImageUrl(link));
    // … and is saved as an image, QR included.
    const download = memberPage.waitForEvent('download');
    await tap(memberPage, 'e2e-certificate-save-image');
    expect((await download).suggestedFilename()).toBe(`志愿服务记录证明-${no}.png`);

    // Anyone can check it by opening the QR's link: a fresh browser, not logged in.
    const visitor = await launchBrowser();
    const page = await visitor.newPage();
    await page.goto(link);
    await page.waitForLoadState('networkidle');
    expect(await textOf(visiblePage(page).locator('.e2e-verify-genuine'), '真实有效')).toContain('湖滨社区');
    const shown = await textOf(visiblePage(page).locator('.e2e-certificate'), '李**');
    expect(shown).toContain('李**');
    expect(shown).not.toContain('李建国');
    await screenshot(page, 'checkin-13-public-verify');
    await visitor.close();
  }, 90_000);

  it('staff choose 现场扫码签到 for an activity; on H5 the member is told to scan in the mini program, with no 定位签到', async () => {
    const SCAN_TITLE = '湖滨社区安全巡查';
    await open(staffPage, 'packages/staff/pages/activity-publish/index');
    await fill(staffPage, 'title', SCAN_TITLE);
    await fill(staffPage, 'startAt', '2025-07-02 09:00');
    await fill(staffPage, 'endAt', '2025-07-02 11:00');
    await tap(staffPage, 'e2e-checkin-mode-picker');
    await tap(staffPage, 'e2e-checkin-mode-option-code');
    expect(await textOf(visiblePage(staffPage).locator('.e2e-checkin-mode-picker'), '扫码')).toContain('现场扫码签到（定位+签到码）');
    await screenshot(staffPage, 'checkin-14-staff-publish-scan-only');
    await tap(staffPage, 'e2e-submit-activity');
    await staffPage.waitForURL(/activity-manage/, { timeout: 15_000 });

    await open(memberPage, 'pages/checkin/index');
    await tap(memberPage, 'e2e-checkin-activities');
    await memberPage.waitForURL(/activity-list/);
    await visiblePage(memberPage).locator('.e2e-activity-card', { hasText: SCAN_TITLE }).click();
    await memberPage.waitForURL(/activity-detail/);
    expect(await textOf(visiblePage(memberPage).locator('.e2e-activity-checkin-mode'), '扫码')).toBe('现场扫码签到（定位+签到码）');
    await tap(memberPage, 'e2e-activity-signup');
    expect(await textOf(visiblePage(memberPage).locator('.e2e-activity-mine'), '已报名')).toBe('已报名');

    setClock('2025-07-02 09:00');
    await memberPage.reload();
    expect(await textOf(visiblePage(memberPage).locator('.e2e-activity-scan-only'), '小程序')).toContain('请在微信小程序中扫码签到');
    expect(await visiblePage(memberPage).locator('.e2e-activity-checkin').count()).toBe(0);
    await screenshot(memberPage, 'checkin-15-member-scan-only-h5');
  }, 90_000);
});
