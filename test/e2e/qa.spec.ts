import type { QuestionView } from '../../src/domain/question.schema';
import { answerSubscription, screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';
import { localTemplateId } from '../../src/domain/notice-templates';
import { expectOk } from '../helpers/local-platform';
import { RESIDENT, STAFF, STREET_STAFF } from '../fixtures/personas';

// The functions' clock; the browser keeps real time, so the figures' "今年" covers what is asked now.
let clock = new Date();

const session = h5Session({ now: () => clock });

const { loginAs } = session;

const TITLE = '楼道声控灯坏了';

describe('网络问政 end to end', () => {
  it('a resident asks, staff answers within the deadline, the resident rates, the public page and figures change', async () => {
    const page = await session.browser.newPage();
    await session.open(page, `/pages/question-public/index?communityId=c-donghu-hubin`);
    const before = await textOf(visiblePage(page).locator('.e2e-figure-counts'), '收到');

    await loginAs(page, RESIDENT);
    await session.open(page, `/pages/qa/index`);
    await visiblePage(page).locator('.e2e-qa-category-picker').click();
    await visiblePage(page).locator('.e2e-qa-category-option-2').click();
    await visiblePage(page).locator('.e2e-input-title input').fill(TITLE);
    await visiblePage(page).locator('.e2e-input-content textarea').fill('5 栋 2 单元 3 楼的声控灯坏了半个月，老人晚上上下楼很不方便。');
    await visiblePage(page).locator('.e2e-input-askerName input').fill('张三');
    await screenshot(page, 'qa-ask-form');
    await visiblePage(page).locator('.e2e-submit-question').click();
    expect(await answerSubscription(page, '允许')).toEqual(['问题答复通知']);
    await page.waitForURL(/question-detail/, { timeout: 15_000 });
    // Taro keeps earlier pages of the stack in the DOM (hidden): look inside the page on top.
    expect(await textOf(visiblePage(page).locator('.page-question-detail .e2e-question-status'), '待受理')).toBe('待受理');
    expect(await textOf(visiblePage(page).locator('.page-question-detail .e2e-question-due'), '受理截止')).toMatch(/^受理截止 \d{2}-\d{2} 23:59$/);
    await screenshot(page, 'qa-asked-with-deadline');

    await loginAs(page, STAFF);
    await session.open(page, `/pages/qa/index`);
    await visiblePage(page).locator('.e2e-open-qa-inbox').click();
    await page.waitForURL(/qa-inbox/);
    const row = visiblePage(page).locator('.page-qa-inbox .e2e-question', { hasText: TITLE });
    expect(await textOf(row.locator('.e2e-question-due'), '受理截止')).toContain('受理截止');
    await screenshot(page, 'qa-staff-inbox');
    await row.click();
    await page.waitForURL(/qa-handle/);
    await visiblePage(page).locator('.page-qa-handle .e2e-input-answer textarea').fill('已安排物业今天下午更换声控灯，感谢您的反映。');
    await visiblePage(page).locator('.page-qa-handle .e2e-submit-answer').click();
    expect(await textOf(visiblePage(page).locator('.page-qa-handle .e2e-question-status'), '已答复')).toBe('已答复');
    await screenshot(page, 'qa-staff-answered');
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id') as string;
    const told = session.platform.emulator.wx.outbox().filter((m) => m.touser === RESIDENT && m.page === `pages/question-detail/index?id=${id}`);
    expect(told.map((m) => [m.template_id, m.data.thing1.value])).toEqual([[localTemplateId('questionAnswered'), TITLE]]);

    await loginAs(page, RESIDENT);
    await session.open(page, `/pages/question-detail/index?id=${id}`);
    await visiblePage(page).locator('.page-question-detail .e2e-rate-0').click();
    expect(await textOf(visiblePage(page).locator('.page-question-detail .e2e-question-status'), '已办结')).toBe('已办结');
    await screenshot(page, 'qa-rated');

    await session.open(page, `/pages/question-public/index?communityId=c-donghu-hubin`);
    const shown = visiblePage(page).locator(`.e2e-public-question-${id}`);
    expect(await textOf(shown, TITLE)).toContain('张*');
    expect(await visiblePage(page).locator('.e2e-public-questions').innerText()).not.toContain('张三');
    const after = await textOf(visiblePage(page).locator('.e2e-figure-counts'), '收到');
    expect(after).not.toBe(before);
    await screenshot(page, 'qa-public-page');
    await page.close();
  }, 120_000);

  it('with the clock past the deadline, an unanswered question shows as overdue and reaches the 街道 inbox', async () => {
    const asked = expectOk(
      await session.platform.call<QuestionView>('qa', RESIDENT, {
        action: 'ask', title: '小区垃圾站异味严重', content: '垃圾站好几天没有清运，异味很大，请尽快处理。', category: '环境卫生', askerName: '李四', requestId: `e2e-overdue-${Date.now()}`,
      }),
    );
    clock = new Date(Date.parse(asked.acceptDueAt) + 60_000);
    expect(await session.platform.fireTimer('qa', 'escalateOverdue')).toMatchObject({ ok: true });

    const page = await session.browser.newPage();
    await loginAs(page, RESIDENT);
    await session.open(page, `/pages/qa/index`);
    const mine = visiblePage(page).locator(`.e2e-my-questions .e2e-question-${asked.id}`);
    expect(await textOf(mine.locator('.e2e-question-overdue'), '已超期')).toBe('已超期');
    await screenshot(page, 'qa-resident-overdue');

    await loginAs(page, STREET_STAFF);
    await session.open(page, `/packages/staff/pages/qa-inbox/index`);
    const row = visiblePage(page).locator(`.e2e-question-${asked.id}`);
    expect(await textOf(row.locator('.e2e-question-escalated'), '已上报街道')).toBe('已上报街道');
    expect(await textOf(row.locator('.e2e-question-overdue'), '已超期')).toBe('已超期');
    await screenshot(page, 'qa-street-inbox');
    await page.close();
  }, 90_000);
});
