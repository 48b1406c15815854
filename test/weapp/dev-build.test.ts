import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { PERSONAS } from '../helpers/weapp/scenarios';
import { formatProblems, loadTemplates, runPersona } from '../helpers/weapp/session';

/**
 * The development build (`NODE_ENV=development taro build --type weapp`, what `npm run dev:weapp` compiles) once
 * white-screened: Taro's dependency prebundle made app.js require a `.wxss` as a module. scripts/test.sh builds it
 * into WEAPP_DEV_DIR (default dist/weapp-dev); this runs the same harness on it.
 */
const DEV_DIR = path.resolve(ROOT, process.env.WEAPP_DEV_DIR ?? path.join('dist', 'weapp-dev'));
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

it('the weapp dev build starts and renders every page as a member', async () => {
  if (!fs.existsSync(path.join(DEV_DIR, 'app.json'))) {
    throw new Error(`no dev build in ${DEV_DIR}: run NODE_ENV=development TARO_OUTPUT_ROOT=${path.relative(ROOT, DEV_DIR)} npx taro build --type weapp (scripts/test.sh does)`);
  }
  const member = PERSONAS.find((p) => p.openid === 'demo-member')!;
  const run = await runPersona(DEV_DIR, loadTemplates(DEV_DIR), platform, member);
  expect(formatProblems(run.problems)).toEqual([]);
  expect(run.missing).toEqual([]);
}, 90_000);
