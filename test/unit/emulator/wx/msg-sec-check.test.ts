import type { WxContext } from '../../../../emulator/wx/api-types';
import { DEFAULT_REVIEW_WORDS, DEFAULT_RISKY_WORDS } from '../../../../emulator/wx/content-check-words';
import { WxEmulator } from '../../../../emulator/wx/index';
import { createMsgSecCheck, judgeContent } from '../../../../emulator/wx/msg-sec-check';

const ctx: WxContext = { appid: 'wx-unit', now: () => new Date('2024-05-01T00:00:00Z') };
const check = createMsgSecCheck({ risky: DEFAULT_RISKY_WORDS, review: DEFAULT_REVIEW_WORDS });
const v2 = (fields: Record<string, unknown>) => check({ version: 2, openid: 'o-user', scene: 1, ...fields }, ctx) as { kind: 'json'; body: any };

describe('judgeContent', () => {
  it('is deterministic: risky beats review beats pass, case-insensitive', () => {
    expect(judgeContent(['RISKY-TEST-WORD and review-test-word'], DEFAULT_RISKY_WORDS, DEFAULT_REVIEW_WORDS)).toEqual({ suggest: 'risky', label: 20006, keyword: 'risky-test-word' });
    expect(judgeContent(['Review-Test-Word'], DEFAULT_RISKY_WORDS, DEFAULT_REVIEW_WORDS)).toEqual({ suggest: 'review', label: 21000, keyword: 'review-test-word' });
    expect(judgeContent(['报名参加周末的社区志愿服务'], DEFAULT_RISKY_WORDS, DEFAULT_REVIEW_WORDS)).toEqual({ suggest: 'pass', label: 100 });
  });
});

describe('security.msgSecCheck v2', () => {
  it('answers the WeChat shape', () => {
    const { body } = v2({ content: '刷单返利，日结' });
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'risky', label: 20008 },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20008, prob: 90 },
        { strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20008, keyword: '刷单返利' },
      ],
      trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
    });
  });

  it('checks nickname, title and signature too', () => {
    expect(v2({ content: 'hello', nickname: '赌博达人' }).body.result.suggest).toBe('risky');
    expect(v2({ content: 'hello', title: 'review-test-word' }).body.result.suggest).toBe('review');
    expect(v2({ content: 'hello', signature: 42 }).body.errcode).toBe(47001);
  });

  it.each([
    [{ openid: undefined }, 40003],
    [{ openid: 'has space' }, 40003],
    [{ scene: 0 }, 40129],
    [{ scene: 5 }, 40129],
    [{ scene: 'two' }, 40129],
    [{ content: undefined }, 44002],
    [{ content: '' }, 44002],
    [{ content: 12 }, 47001],
    [{ content: '字'.repeat(2501) }, 47001],
    [{ version: 3 }, 47001],
  ])('%j → errcode %i', (fields, errcode) => {
    const { body } = v2({ content: 'x', ...fields });
    expect(body.errcode).toBe(errcode);
    expect(body.errmsg).toMatch(/ rid: [0-9a-f-]+$/);
    expect(body.result).toBeUndefined();
  });

  it('takes numeric strings for version and scene, and exactly 2500 characters', () => {
    expect(v2({ version: '2', scene: '4', content: '字'.repeat(2500) }).body.errcode).toBe(0);
  });
});

describe('security.msgSecCheck v1 (no version)', () => {
  it('answers 87014 for risky text and ok otherwise, ignoring review words', () => {
    expect((check({ content: '代开发票' }, ctx) as any).body).toMatchObject({ errcode: 87014, errmsg: expect.stringMatching(/^risky content/) });
    expect((check({ content: 'review-test-word' }, ctx) as any).body).toEqual({ errcode: 0, errmsg: 'ok' });
  });
});

describe('WxEmulator word options', () => {
  it('replaces the default lists; plain strings get the default labels', async () => {
    const wx = new WxEmulator({ riskyWords: ['forbidden'], reviewWords: [{ word: 'maybe', label: 10001 }] });
    const ask = async (content: string) => ((await wx.callApi('security.msgSecCheck', { version: 2, openid: 'o', scene: 2, content }, ctx)) as any).body.result;
    expect(await ask('so forbidden')).toEqual({ suggest: 'risky', label: 20006 });
    expect(await ask('maybe')).toEqual({ suggest: 'review', label: 10001 });
    expect(await ask('risky-test-word')).toEqual({ suggest: 'pass', label: 100 });
  });
});
