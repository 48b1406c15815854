import type { Page } from 'playwright-core';
import { ROUTES } from '../../src/routes';
import { aQuestion } from '../fixtures/builders';
import { RESIDENT, STAFF } from '../fixtures/personas';
import { pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';
import { expectOk } from '../helpers/local-platform';

/** Issue 15 item 5 on screen: the missing 2027 table is announced, its deadline is 预计, the admin enters it. */
// The functions' clock: Monday 2026-12-28 10:00 in Shanghai, the shipped tables end with 2026.
let clock = new Date('2026-12-28T02:00:00.000Z');

const session = h5Session({ now: () => clock });

const WARNING = '2027 年的节假日安排尚未录入，问政期限暂按预计计算';
const TITLE = '楼道堆放杂物影响通行';
const { open } = session;
const inboxRow = (page: Page) => visiblePage(page).locator('.e2e-question', { hasText: TITLE }).locator('.e2e-question-due');

describe('节假日安排 end to end', () => {
  it('warns staff, marks the deadline 预计, and makes it firm once the admin enters 2027', async () => {
    const asked = expectOk(await session.platform.call<{ id: string }>('qa', RESIDENT, aQuestion({ title: TITLE, category: '社区治理' })));
    expectOk(await session.platform.call('qa', STAFF, { action: 'accept', id: asked.id }));

    const page = await session.browser.newPage();
    await pickPersona(page, session.platform.url, 'e2e-persona-demo-community-staff');
    await open(page, ROUTES.staffWorkbench);
    expect(await textOf(visiblePage(page).locator('.e2e-holiday-warning'), WARNING)).toBe(WARNING);
    await screenshot(page, 'holiday-workbench-warning');
    await open(page, ROUTES.staffQaInbox);
    expect(await textOf(inboxRow(page), '预计')).toBe('答复截止 01-04 23:59（预计）');
    await screenshot(page, 'holiday-inbox-provisional');

    await pickPersona(page, session.platform.url, 'e2e-persona-demo-admin');
    await open(page, ROUTES.adminConsole);
    expect(await textOf(visiblePage(page).locator('.e2e-holiday-warning'), WARNING)).toBe(WARNING);
    await visiblePage(page).locator('.e2e-admin-tab-holiday').click();
    const form = visiblePage(page).locator('.e2e-admin-holiday-form');
    expect(await textOf(form.locator('.e2e-holiday-years'), '2026')).toContain('2026 年');
    await form.locator('.e2e-input-holiday-year input').fill('2027');
    await form.locator('.e2e-input-holiday-title input').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await form.locator('.e2e-input-holiday-documentNumber input').fill('国办发明电〔2026〕1号');
    await form.locator('.e2e-input-holiday-issuedOn input').fill('2026-11-10');
    await form.locator('.e2e-input-holiday-url input').fill('https://www.gov.cn/zhengce/2027');
    await form.locator('.e2e-input-holiday-holidays textarea').fill('元旦 2027-01-01 2027-01-03\n春节 2027-02-06 2027-02-14');
    // A 调休上班 on a Monday is refused with the reason, then corrected.
    await form.locator('.e2e-input-holiday-adjustedWorkdays textarea').fill('2027-02-22 春节');
    await form.locator('.e2e-submit-holiday').click();
    expect(await textOf(visiblePage(page).locator('.e2e-error-holiday-form'), '不是周末')).toBe('调休上班日 2027-02-22 不是周末');
    await form.locator('.e2e-input-holiday-adjustedWorkdays textarea').fill('2027-02-20 春节');
    await screenshot(page, 'holiday-admin-form');
    await form.locator('.e2e-submit-holiday').click();
    expect(await textOf(visiblePage(page).locator('.e2e-admin-result'), '已录入')).toContain('已录入节假日安排');
    expect(await textOf(form.locator('.e2e-holiday-years'), '2027')).toContain('2027 年 · 国办发明电〔2026〕1号（已录入）');
    await screenshot(page, 'holiday-admin-entered');

    // The escalation timer's next run recomputes: 元旦 is a holiday, so the answer is due on Tuesday 01-05.
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await session.platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true, data: { firmed: 1 } });
    await pickPersona(page, session.platform.url, 'e2e-persona-demo-community-staff');
    await open(page, ROUTES.staffWorkbench);
    await visiblePage(page).locator('.e2e-workbench-areas').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await visiblePage(page).locator('.e2e-holiday-warning').count()).toBe(0);
    await open(page, ROUTES.staffQaInbox);
    expect(await textOf(inboxRow(page), '01-05')).toBe('答复截止 01-05 23:59');
    await screenshot(page, 'holiday-inbox-firm');
    await page.close();
  }, 180_000);
});
