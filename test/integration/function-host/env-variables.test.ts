import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localTemplateId } from '../../../src/domain/notice-templates';
import { startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

/**
 * cloudbaserc.json → functions[].envVariables, applied as CloudBase applies them: rendered from `{{env.NAME}}`, given
 * to that function only, an empty one left unset and named once at start; the host's own environment reaches no
 * function. Locally the rendering environment holds the local template ids (local/server.ts).
 */
const VARIABLES = ['GREETING', 'TEMPLATE', 'MISSING', 'FIXED', 'F1_HOST_ONLY', 'TCB_ENV'];
let platform: TestPlatform;
let functionsDir: string;
let warnings: string[];

beforeAll(async () => {
  functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-functions-'));
  for (const name of ['with-vars', 'without-vars']) {
    fs.mkdirSync(path.join(functionsDir, name));
    fs.writeFileSync(
      path.join(functionsDir, name, 'index.js'),
      `exports.main = async () => Object.fromEntries(${JSON.stringify(VARIABLES)}.map((k) => [k, process.env[k] ?? null]));`,
    );
  }
  process.env.F1_HOST_ONLY = 'the host shell';
  process.env.F1_GREETING = '你好';
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    platform = await startTestPlatform({
      functionsDir,
      functions: [
        {
          name: 'with-vars',
          timeout: 5,
          envVariables: {
            GREETING: '{{env.F1_GREETING}}, {{ env.F1_HOST_ONLY }}',
            TEMPLATE: '{{env.TARO_APP_TPL_WISH_REVIEWED}}',
            MISSING: '{{env.F1_NEVER_SET}}',
            FIXED: 'as written',
            TCB_ENV: 'cannot override the platform',
          },
        },
        { name: 'without-vars', timeout: 5 },
      ],
      seed: false,
      poolSize: 1,
    });
    warnings = warn.mock.calls.map((args) => args.join(' '));
  } finally {
    warn.mockRestore();
    delete process.env.F1_HOST_ONLY;
    delete process.env.F1_GREETING;
  }
}, 30_000);

afterAll(async () => {
  await platform?.close();
  fs.rmSync(functionsDir, { recursive: true, force: true });
});

it("renders a function's envVariables into that function's environment, the platform's own variables winning", async () => {
  expect((await platform.call('with-vars', 'alice', {})).body).toEqual({
    GREETING: '你好, the host shell',
    TEMPLATE: localTemplateId('wishReviewed'),
    MISSING: null,
    FIXED: 'as written',
    F1_HOST_ONLY: null,
    TCB_ENV: 'local-dev',
  });
});

it('gives another function none of them, nor the host’s environment, even on the same worker', async () => {
  await platform.call('with-vars', 'alice', {});
  expect((await platform.call('without-vars', 'alice', {})).body).toEqual({ GREETING: null, TEMPLATE: null, MISSING: null, FIXED: null, F1_HOST_ONLY: null, TCB_ENV: 'local-dev' });
});

it('names a variable that renders empty once, at start', () => {
  const empty = warnings.filter((w) => w.includes('render empty'));
  expect(empty).toHaveLength(1);
  expect(empty[0]).toContain('with-vars.MISSING');
  expect(empty[0]).not.toContain('GREETING');
});
