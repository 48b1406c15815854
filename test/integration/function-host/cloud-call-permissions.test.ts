/**
 * Cloud-call permissions (云调用): a function may call only the WeChat open APIs its deployed config.json declares
 * (permissions.openapi); WeChat refuses others with -604101. The function host gives each function its WX_API_TOKEN,
 * which the SDK sends, so the emulator knows which function calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deployedFunctionConfig, FUNCTION_CONFIG_FILE, readDeclaredOpenApis } from '../../../emulator/function-host/function-config';
import { WxEmulator } from '../../../emulator/wx/index';
import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { expectOk, FUNCTIONS_DIR, ROOT, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

describe('a function that declares nothing', () => {
  let platform: TestPlatform;
  let functionsDir: string;

  beforeAll(async () => {
    functionsDir = buildFixtureFunctions(['openapi-caller']);
    platform = await startTestPlatform({ functionsDir, seed: false, functions: [{ name: 'openapi-caller', timeout: 5 }] });
  }, 30_000);

  afterAll(() => platform?.close());

  it('gets -604101 for msgSecCheck, and passes once its deployed config.json declares it', async () => {
    expect(fs.existsSync(path.join(functionsDir, 'openapi-caller', FUNCTION_CONFIG_FILE))).toBe(false);
    expect(expectOk(await platform.call('openapi-caller', 'o-user', {}))).toEqual({
      errcode: -604101,
      message: 'security.msgSecCheck: function has no permission to call this API (-604101)',
    });
    expect(platform.emulator.wx.outbox()).toEqual([]);

    fs.writeFileSync(path.join(functionsDir, 'openapi-caller', FUNCTION_CONFIG_FILE), JSON.stringify(deployedFunctionConfig(['security.msgSecCheck'], undefined)));
    expect(expectOk(await platform.call('openapi-caller', 'o-user', { content: '一起去赌博吧' }))).toMatchObject({ errcode: 0, result: { suggest: 'risky' } });
  });
});

describe("the product's functions", () => {
  const names = fs.readdirSync(FUNCTIONS_DIR).filter((name) => fs.existsSync(path.join(FUNCTIONS_DIR, name, 'index.js')));
  // Every open API the emulator serves plus the one the release adds; a name in a bundle means a call through wx-openapi.ts.
  const knownApis = [...new Set([...new WxEmulator().supportedApis(), 'security.mediaCheckAsync'])];

  it('are built', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it.each(names)('%s: the built config.json declares exactly the open APIs its bundle calls, as its source declares', (name) => {
    const bundle = fs.readFileSync(path.join(FUNCTIONS_DIR, name, 'index.js'), 'utf8');
    const called = knownApis.filter((api) => bundle.includes(`"${api}"`) || bundle.includes(`'${api}'`)).sort();
    const deployed = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, name, FUNCTION_CONFIG_FILE), 'utf8')) as { permissions: { openapi: string[] } };
    expect([...deployed.permissions.openapi].sort()).toEqual(called);
    expect(readDeclaredOpenApis(path.join(ROOT, 'cloudfunctions', name))).toEqual(called);
  });

  it('carry their timer triggers in config.json, as in cloudbaserc.json', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; triggers?: unknown[] }> };
    for (const fn of rc.functions) {
      const deployed = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, fn.name, FUNCTION_CONFIG_FILE), 'utf8')) as { triggers?: unknown[] };
      expect(deployed.triggers).toEqual(fn.triggers);
    }
  });
});
