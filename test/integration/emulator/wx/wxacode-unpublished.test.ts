/**
 * A mini-program with no released version yet (`wx: { published: false }`): WeChat refuses every page of
 * wxacode.getUnlimited with check_path true (41030), which is why the checkin function sends check_path false.
 * Driven through wx-server-sdk's cloud.openapi and through the product's own 报到码 code.
 */
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../../emulator/config';
import type { RunningEmulator } from '../../../../emulator/server';
import { wxacode } from '../../../../cloudfunctions/checkin/qr-code';
import { startTestEmulator } from '../../../helpers/emulator-sdk';
import { callAsFunction, functionsDeclaring } from './helpers/cloud-call';
import { PNG_SIGNATURE } from './helpers/png';

const CHECKIN_PAGE = 'pages/checkin/index';
let server: RunningEmulator;
let cloud: any;

beforeAll(async () => {
  server = await startTestEmulator(':memory:', { functionsDir: functionsDeclaring({ checkin: ['wxacode.getUnlimited'] }), wx: { published: false, pages: [CHECKIN_PAGE] } });
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: server.url }),
    TENCENTCLOUD_SECRETID: DEFAULT_SECRET_ID,
    TENCENTCLOUD_SECRETKEY: DEFAULT_SECRET_KEY,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: 'o-staff',
    WX_APPID: 'wx-appid-of-function',
    TCB_ENV: DEFAULT_ENV_ID,
  });
  callAsFunction('checkin');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- wx-server-sdk reads its environment when loaded, so it is loaded after the function's environment is set
  cloud = require('wx-server-sdk');
  cloud.init({ env: DEFAULT_ENV_ID });
});

afterAll(() => {
  callAsFunction(null);
  return server.close();
});

it('check_path true fails with 41030 on a page the app has, as WeChat does before the first release', async () => {
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'c-donghu-hubin', page: CHECKIN_PAGE, checkPath: true })).rejects.toMatchObject({ errCode: 41030 });
});

it('check_path false draws the code', async () => {
  const res = await cloud.openapi.wxacode.getUnlimited({ scene: 'c-donghu-hubin', page: CHECKIN_PAGE, checkPath: false });
  expect(res.buffer.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
});

it('the checkin function’s 报到码 (check_path false) works on the unpublished app', async () => {
  const dataUrl = await wxacode('c-donghu-hubin', CHECKIN_PAGE);
  expect(dataUrl).toMatch(/^data:image\/png;base64,/);
  expect(Buffer.from((dataUrl as string).split(',')[1], 'base64').subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
});
