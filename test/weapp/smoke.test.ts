import path from 'node:path';

/**
 * miniprogram-automator drives WeChat DevTools, which runs only on Windows/macOS. With WECHAT_DEVTOOLS_CLI
 * set (the path of DevTools' `cli`), this opens dist/weapp and checks the shell; without it the suite says
 * plainly that it was skipped and why.
 */
const cliPath = process.env.WECHAT_DEVTOOLS_CLI;
const describeWithDevTools = cliPath ? describe : describe.skip;

if (!cliPath) {
  console.log('test/weapp: skipped — WECHAT_DEVTOOLS_CLI is not set (WeChat DevTools is not available on this machine)');
}

describeWithDevTools('weapp smoke (WeChat DevTools) — skipped unless WECHAT_DEVTOOLS_CLI is set', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const automator = require('miniprogram-automator');
  let miniProgram: { reLaunch(url: string): Promise<{ waitFor(ms: number): Promise<void>; $(sel: string): Promise<{ text(): Promise<string> } | null> }>; switchTab(url: string): Promise<{ waitFor(ms: number): Promise<void>; $(sel: string): Promise<{ text(): Promise<string> } | null> }>; close(): Promise<void> };

  beforeAll(async () => {
    miniProgram = await automator.launch({ cliPath, projectPath: path.resolve(__dirname, '../..') });
  }, 120_000);

  afterAll(() => miniProgram?.close());

  it('opens 首页 and the 我的 tab', async () => {
    const home = await miniProgram.reLaunch('/pages/index/index');
    await home.waitFor(500);
    expect(await home.$('page')).not.toBeNull();
    const me = await miniProgram.switchTab('/pages/me/index');
    await me.waitFor(500);
    expect(await me.$('page')).not.toBeNull();
  });
});
