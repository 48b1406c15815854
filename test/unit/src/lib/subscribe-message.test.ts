import fs from 'node:fs';
import path from 'node:path';
import { MAX_TEMPLATES_PER_REQUEST, NOTICE_KINDS, NOTICE_TEMPLATES, localTemplateId } from '@/domain/notice-templates';

const mockTaro = { requestSubscribeMessage: jest.fn(), request: jest.fn(), getStorageSync: jest.fn() };
jest.mock('@tarojs/taro', () => ({ __esModule: true, get default() { return mockTaro; } }));

type Module = typeof import('@/lib/subscribe-message');
const savedEnv = { ...process.env };

/** The module reads the build's environment when loaded, as the bundled app does. */
function load(env: Record<string, string>): Module {
  process.env = { ...savedEnv, ...env };
  let mod: Module | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy per environment, inside isolateModules
    mod = require('@/lib/subscribe-message') as Module;
  });
  return mod as Module;
}

afterEach(() => {
  process.env = { ...savedEnv };
  jest.clearAllMocks();
});

describe('template ids of a build', () => {
  it('reads each kind from its own setting, spelled out literally for Taro to replace', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../../../src/lib/subscribe-message.ts'), 'utf8');
    for (const kind of NOTICE_KINDS) expect(source).toContain(`${kind}: process.env.${NOTICE_TEMPLATES[kind].setting},`);
    const env = Object.fromEntries(NOTICE_KINDS.map((kind) => [NOTICE_TEMPLATES[kind].setting, `id-${kind}`]));
    expect(load({ TARO_ENV: 'weapp', ...env }).TEMPLATE_IDS).toEqual(Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, `id-${kind}`])));
  });

  it('uses the local platform ids in a local H5 build, whatever the deployment declares', () => {
    const mod = load({ TARO_ENV: 'h5', TARO_APP_LOCAL: 'true', TARO_APP_TPL_QUESTION_ANSWERED: 'deployed-id' });
    expect(mod.TEMPLATE_IDS.questionAnswered).toBe(localTemplateId('questionAnswered'));
  });

  it('asks only for configured ids, once each, at most 3', () => {
    const { templateIdsFor } = load({ TARO_ENV: 'weapp' });
    expect(templateIdsFor(['wishReviewed', 'wishDelivered', 'questionAnswered', 'checkinReviewed'], { wishReviewed: 'a', wishDelivered: 'b', questionAnswered: 'c', checkinReviewed: 'd' })).toEqual(['a', 'b', 'c']);
    expect(MAX_TEMPLATES_PER_REQUEST).toBe(3);
    expect(templateIdsFor(['wishReviewed', 'wishDelivered'], { wishReviewed: 'a', wishDelivered: 'a' })).toEqual(['a']);
    expect(templateIdsFor(['wishReviewed', 'wishDelivered'], { wishDelivered: '' })).toEqual([]);
  });
});

describe('askToNotify on weapp', () => {
  const env = { TARO_ENV: 'weapp', TARO_APP_TPL_WISH_CLAIM_REMINDER: 'T-REMIND', TARO_APP_TPL_WISH_CLAIM_ENDED: 'T-ENDED' };

  it('calls wx.requestSubscribeMessage synchronously, inside the tap, and answers the choices', async () => {
    mockTaro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-REMIND': 'accept', 'T-ENDED': 'reject' });
    const { askToNotify } = load(env);
    const asked = askToNotify(['wishClaimReminder', 'wishClaimEnded']);
    expect(mockTaro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-REMIND', 'T-ENDED'] });
    await expect(asked).resolves.toEqual({ 'T-REMIND': 'accept', 'T-ENDED': 'reject' });
  });

  it('turns a refusal, an error or a throw into "no message" without failing', async () => {
    const { askToNotify } = load(env);
    mockTaro.requestSubscribeMessage.mockRejectedValueOnce(new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture'));
    await expect(askToNotify(['wishClaimReminder'])).resolves.toEqual({});
    mockTaro.requestSubscribeMessage.mockImplementationOnce(() => {
      throw new Error('not supported');
    });
    await expect(askToNotify(['wishClaimReminder'])).resolves.toEqual({});
  });

  it('asks nothing when none of the kinds is configured', async () => {
    const { askToNotify } = load({ TARO_ENV: 'weapp' });
    await expect(askToNotify(['questionAnswered'])).resolves.toEqual({});
    expect(mockTaro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
