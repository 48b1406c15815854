import { confirmDialog, screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';
import { CITY_ORGAN, STREET_STAFF, UNIT_ADMIN } from '../fixtures/personas';
import { ROUTES } from '../../src/routes';

/**
 * The unit admin opens this quarter's 四进四联 统计表 and submits it; the street staff open the dashboard and see the
 * unit submitted.
 */

const session = h5Session();

const { loginAs } = session;
const { open } = session;

describe('四进四联 统计表 and the dashboard', () => {
  it('the unit admin submits the quarter’s table; the street sees it submitted on the dashboard', async () => {
    const unit = await session.browser.newPage();
    await loginAs(unit, UNIT_ADMIN);
    await open(unit, ROUTES.statsQuarterly);
    const table = visiblePage(unit).locator('.e2e-quarterly');
    expect(await textOf(table.locator('.e2e-ledger-total'), '季度合计')).toContain('实现群众微心愿数');
    expect(await textOf(table, '口径说明')).toContain('认领人属于本单位');
    expect(await textOf(table.locator('.e2e-quarterly-unsubmitted'))).toContain('尚未报送');
    await screenshot(unit, 'stats-quarterly');
    await table.locator('.e2e-quarterly-submit').click();
    expect(await confirmDialog(unit)).toContain('不能撤回');
    expect(await textOf(table.locator('.e2e-quarterly-submitted'), '已报送')).toContain('已报送');
    await screenshot(unit, 'stats-quarterly-submitted');

    const street = await session.browser.newPage();
    await loginAs(street, STREET_STAFF);
    await open(street, ROUTES.statsDashboard);
    const dashboard = visiblePage(street).locator('.e2e-dashboard');
    expect(await textOf(dashboard.locator('.e2e-bar-chart').first(), '每月确认服务时长')).toContain('小时');
    expect(await textOf(dashboard.locator('.e2e-ledger-row').first())).toContain('报到率');
    await screenshot(street, 'stats-dashboard');
    await dashboard.locator('.e2e-open-submissions').click();
    const done = visiblePage(street).locator('.e2e-submission-done');
    expect(await textOf(done, CITY_ORGAN.name)).toContain('已报送');
    await screenshot(street, 'stats-submissions');
  }, 120_000);
});
