import readXlsxFile from 'read-excel-file/node';
import type { BrowserContext, Page } from 'playwright-core';
import { confirmDialog, launchBrowser, openRoute, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { expectOk, H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { HUBIN, MEMBER, STAFF, UNIT_ADMIN } from '../fixtures/personas';
import { northOf } from '../integration/functions/checkin/checkin-fixtures';
import { ROUTES } from '../../src/routes';

/**
 * Community staff give the year's opinion, the unit admin sees it in 一单一表, the member reads their own and answers
 * it once; the 报到台账 downloads as an .xlsx file that parses.
 */
let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR });
  // 李建国 (demo-member) reports in to 湖滨社区 and its staff confirm it.
  expectOk(await platform.call('checkin', MEMBER, { action: 'report', communityId: HUBIN.id, ...northOf(HUBIN, 100), accuracy: 20, coordSystem: 'gcj02' }));
  expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: MEMBER, decision: 'confirm' }));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const loginAs = (page: Page, openid: string) => pickPersona(page, platform.url, `e2e-persona-${openid}`);
const open = (page: Page, route: string) => openRoute(page, platform.url, route);

describe('community opinions and ledgers', () => {
  it('staff give an opinion, the unit sees it, the member reads and answers it', async () => {
    const staff = await browser.newPage();
    await loginAs(staff, STAFF);
    await open(staff, ROUTES.ledgerOpinions);
    const card = visiblePage(staff).locator('.e2e-opinion-candidate').filter({ hasText: '李建国' });
    await card.waitFor();
    await screenshot(staff, 'ledger-opinion-form');
    await card.locator('.e2e-opinion-grade-picker').click();
    await visiblePage(staff).locator('.e2e-opinion-grade-option-qualified').filter({ visible: true }).first().click();
    await card.locator('.e2e-input-opinion-comment textarea').fill('积极参加社区服务，群众评价好');
    await card.locator('.e2e-opinion-submit').click();
    expect(await textOf(card.locator('.e2e-opinion-current'), '合格')).toContain('已评：合格');
    await screenshot(staff, 'ledger-opinion-given');

    const unit = await browser.newPage();
    await loginAs(unit, UNIT_ADMIN);
    await open(unit, ROUTES.ledgerUnitMembers);
    const row = visiblePage(unit).locator('.e2e-ledger-row').filter({ hasText: '李建国' });
    expect(await textOf(row, '合格（湖滨社区）')).toContain('合格（湖滨社区）');
    await screenshot(unit, 'ledger-unit-members');

    const member = await browser.newPage();
    await loginAs(member, MEMBER);
    await open(member, ROUTES.myOpinions);
    const mine = visiblePage(member).locator('.e2e-my-opinion').first();
    expect(await textOf(mine, '合格')).toContain('湖滨社区：积极参加社区服务，群众评价好');
    await mine.locator('.e2e-input-appeal textarea').fill('我还参加了两次民情家访');
    await mine.locator('.e2e-appeal-submit').click();
    expect(await confirmDialog(member)).toContain('只能申辩一次');
    expect(await textOf(visiblePage(member).locator('.e2e-my-opinion-appeal'), '两次民情家访')).toContain('我的申辩');
    await screenshot(member, 'ledger-my-opinion-appealed');
  }, 120_000);

  it('the 报到台账 downloads as an .xlsx file that parses', async () => {
    const page = await browser.newPage();
    await loginAs(page, STAFF);
    await open(page, ROUTES.ledgerCheckins);
    const ledger = visiblePage(page).locator('.e2e-checkin-ledger');
    expect(await textOf(ledger.locator('.e2e-ledger-row').filter({ hasText: '李建国' }), '已确认')).toContain('已确认');
    await ledger.locator('.e2e-export-excel-run').click();
    const openFile = ledger.locator('.e2e-export-excel-open');
    await openFile.waitFor();
    await screenshot(page, 'ledger-checkins-exported');
    const download = browser.waitForEvent('request', (r) => r.url().includes('/_storage/exports/'));
    await openFile.click();
    const url = (await download).url();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(sheet.data[0][0]).toBe('在职党员到社区报到台账');
    expect(sheet.data[2][0]).toBe('姓名');
    expect(sheet.data.map((r) => r[0])).toContain('李建国');
  }, 120_000);
});
