import type { Page } from 'playwright-core';
import { answerSubscription, confirmDialog, fillField, pickOption, screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';
import { expectOk } from '../helpers/local-platform';
import { ADMIN, STAFF_MEMBER, STREET_STAFF } from '../fixtures/personas';
import { localTemplateId } from '../../src/domain/notice-templates';
import { shanghaiYear } from '../../src/domain/shanghai-time';
import { urlOf } from '../../src/routes';

/**
 * 五星创评 before and between the steps of a year, on the phone: the rating organisation's 党组织工作人员 (街道工作人员,
 * granted on 百花洲街道党工委 and on 南昌市直机关工委) refine 百花洲's sheet for the year and open 自评, which locks it;
 * 周敏, secretary of 机关第二党支部 (rated 二星 and published in the demo seed, local/seed/star-seed.ts), applies for
 * 升级增星 with a photo, and 南昌市直机关工委 approves it — she is told by subscribe message.
 */
const session = h5Session();
const YEAR = String(shanghaiYear(new Date()));
const SHEET_ORG = 'o-st-baihuazhou';
const RATING_ORG = 'o-u-city-organ';
const BRANCH = 'o-b-organ-2';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

const loginAs = async (openid: string): Promise<Page> => {
  const page = await session.browser.newPage();
  await session.loginAs(page, openid);
  return page;
};
const fill = fillField;
const pick = pickOption;

beforeAll(async () => {
  for (const scopeId of [SHEET_ORG, RATING_ORG]) {
    expectOk(await session.platform.call('user', ADMIN, { action: 'grantRole', openid: STREET_STAFF, role: 'org_staff', scopeType: 'organisation', scopeId }));
  }
});

describe('五星创评 between the steps', () => {
  it('refines a rule’s points in the year’s sheet, then opens 自评 and the sheet is locked', async () => {
    const staff = await loginAs(STREET_STAFF);
    await session.open(staff, urlOf('starRating', { orgId: SHEET_ORG, year: YEAR }));
    await visiblePage(staff).locator('.e2e-star-open-cycle').waitFor();
    await visiblePage(staff).locator('.e2e-star-sheet').click();
    const leadership = visiblePage(staff).locator('.e2e-sheet-item-leadership');
    expect(await textOf(leadership, '不按期换届')).toContain('领导班子');
    // 不按期换届: 5 points in the reference standard, 3 in this year's sheet.
    await pick(staff, 'rule-points-leadership-0', '3');
    expect(await textOf(visiblePage(staff).locator('.e2e-rule-points-leadership-0-picker'), '扣 3 分')).toContain('扣 3 分');
    await screenshot(staff, 'star-sheet-edit');

    await visiblePage(staff).locator('.e2e-sheet-open').click();
    expect(await confirmDialog(staff)).toContain('评分表锁定');
    await staff.waitForURL(/packages\/stars\/pages\/rating\/index/, { timeout: 15_000 });
    // The rating page of the opened year offers the sheet read only, and no second 开始自评.
    await visiblePage(staff).locator('.e2e-star-statistics').waitFor();
    expect(await visiblePage(staff).locator('.e2e-star-open-cycle').count()).toBe(0);
    await visiblePage(staff).locator('.e2e-star-sheet').click();
    const frozen = visiblePage(staff).locator('.e2e-star-sheet-frozen');
    expect(await textOf(frozen, '已锁定')).toContain('评分表已锁定');
    expect(await textOf(visiblePage(staff).getByText('办法：不按期换届'), '扣 3 分')).toContain('扣 3 分');
    expect(await visiblePage(staff).locator('.e2e-sheet-save, .e2e-sheet-open').count()).toBe(0);
    await screenshot(staff, 'star-sheet-locked');
    await staff.close();
  }, 120_000);

  it('takes a branch’s 升级增星 application with a photo, and the rating organisation approves it', async () => {
    const secretary = await loginAs(STAFF_MEMBER);
    await session.open(secretary, urlOf('starUpgrade', { branchId: BRANCH, year: YEAR }));
    const apply = visiblePage(secretary).locator('.e2e-star-upgrade-apply');
    expect(await textOf(apply, '二星')).toContain('机关第二党支部');
    await fill(secretary, 'e2e-input-upgrade-reason', '完成换届选举，活动室设备已补齐，建立了投诉回访制度');
    const chooser = secretary.waitForEvent('filechooser');
    await visiblePage(secretary).locator('.e2e-star-upgrade-evidence').click();
    await (await chooser).setFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: PNG });
    expect(await textOf(apply, '已上传 1 张')).toContain('已上传 1 张');
    await screenshot(secretary, 'star-upgrade-apply');
    await visiblePage(secretary).locator('.e2e-star-upgrade-submit').click();
    expect(await answerSubscription(secretary, '允许')).toEqual(['升级增星审批结果通知']);
    expect(await confirmDialog(secretary)).toContain('评定组织审批');
    const mine = visiblePage(secretary).locator('.e2e-star-upgrade');
    expect(await textOf(mine, '待评定组织审批')).toContain('二星 → 三星');
    await mine.locator('.e2e-star-upgrade-photo').first().waitFor();
    await screenshot(secretary, 'star-upgrade-applied');
    await secretary.close();

    const rater = await loginAs(STREET_STAFF);
    await session.open(rater, urlOf('starUpgrades', { orgId: RATING_ORG, year: YEAR }));
    const card = visiblePage(rater).locator('.e2e-star-upgrade', { hasText: '机关第二党支部' });
    expect(await textOf(card, '待评定组织审批')).toContain('完成换届选举');
    await card.locator('.e2e-star-upgrade-photo').first().waitFor();
    await fill(rater, 'e2e-input-upgrade-decision', '经核实，整改到位，同意升为三星');
    await screenshot(rater, 'star-upgrade-decide');
    await card.locator('.e2e-star-upgrade-approve').click();
    expect(await confirmDialog(rater)).toContain('升为三星');
    expect(await textOf(card, '已同意升级')).toContain('同意升为三星');
    await screenshot(rater, 'star-upgrade-approved');
    await rater.close();

    const told = session.platform.emulator.wx.outbox().filter((m) => m.touser === STAFF_MEMBER && m.template_id === localTemplateId('starUpgradeDecided'));
    expect(told.map((m) => m.data.phrase2?.value)).toEqual(['同意升级']);

    const after = await loginAs(STAFF_MEMBER);
    await session.open(after, urlOf('starUpgrade', { branchId: BRANCH, year: YEAR }));
    expect(await textOf(visiblePage(after).locator('.e2e-star-upgrade-apply'), '三星')).toContain('机关第二党支部 · 三星');
    await screenshot(after, 'star-upgrade-after');
    await after.close();
  }, 180_000);
});
