import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MediaCheckPush, WxEmulator } from '../../../../emulator/wx/index';
import risky from '../../../../emulator/media-check-risky.json';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { mediaChecksSettled } from '../../../helpers/media-checks';
import { uploadPhoto } from '../../../helpers/upload-photo';
import type { WishCardView, WishDetailView } from '../../../../src/domain/wish.schema';
import type { QuestionView } from '../../../../src/domain/question.schema';
import type { ServiceLogView } from '../../../../src/domain/service-log.schema';
import { formatShanghaiDate } from '../../../../src/domain/shanghai-time';
import { aQuestion, aWishInput, requestId } from '../../../fixtures/builders';
import { HUBIN, MEMBER, RESIDENT, STAFF } from '../../../fixtures/personas';

/**
 * WeChat's image check (security.mediaCheckAsync + the wxa_media_check push) as the emulator simulates it, and the
 * rule that others see a photo only after it passed (src/domain/media-check.ts).
 */
let platform: TestPlatform;

beforeAll(async () => {
  // A slow push, so the moment before WeChat answers is there to look at even on a loaded machine.
  platform = await startTestPlatform({ wx: { mediaCheckDelayMs: 1500 } });
});
afterAll(() => platform?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wxCtx = { appid: 'wx-test', now: () => new Date() };

async function uploadRiskyPhoto(openid: string): Promise<string> {
  const sha = risky.sha256[0];
  const png = Buffer.from((risky.samples as Record<string, { base64: string }>)[sha].base64, 'base64');
  expect(createHash('sha256').update(png).digest('hex')).toBe(sha);
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'risky.png');
  const token = await platform.login(openid);
  const res = await fetch(`${platform.url}/storage/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { data: { fileID: string } }).data.fileID;
}

async function postAndPublish(photo: string): Promise<WishDetailView> {
  const posted = expectOk(await platform.call<WishDetailView>('wish', RESIDENT, { action: 'post', ...aWishInput({ photos: [photo] }) }));
  expectOk(await platform.call('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
  return posted;
}

const detailAs = async (openid: string, id: string) => expectOk(await platform.call<WishDetailView>('wish', openid, { action: 'detail', wishId: id }));

describe('emulator: security.mediaCheckAsync', () => {
  const good = { media_url: 'http://127.0.0.1:1/x.png', media_type: 2, version: 2, openid: 'o-user', scene: 3 };
  it.each([
    [{ media_url: undefined }, 44002],
    [{ media_url: 'cloud://env/x.png' }, 40097],
    [{ media_type: 3 }, 40097],
    [{ version: 1 }, 47001],
    [{ openid: '' }, 40003],
    [{ scene: 5 }, 40129],
  ])('refuses %j with errcode %i', async (change, errcode) => {
    const answer = await platform.emulator.wx.callApi('security.mediaCheckAsync', { ...good, ...change }, wxCtx);
    expect(answer.kind === 'json' && answer.body.errcode).toBe(errcode);
  });

  it('answers a trace_id at once and pushes the verdict later: risky for a listed image, pass otherwise', async () => {
    const riskyPng = Buffer.from((risky.samples as Record<string, { base64: string }>)[risky.sha256[0]].base64, 'base64');
    const images = http.createServer((req, res) => res.end(req.url === '/risky.png' ? riskyPng : Buffer.from('any other image')));
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
    const wx = new WxEmulator({ mediaCheckDelayMs: 20 });
    const pushes: MediaCheckPush[] = [];
    wx.onPush(async (event) => void pushes.push(event));
    const ctx = { ...wxCtx, cloudCall: { functionName: 'wish', openApis: ['security.mediaCheckAsync'] } };
    try {
      const answers = await Promise.all(
        ['/risky.png', '/ok.png'].map((file) => wx.callApi('security.mediaCheckAsync', { ...good, media_url: `${base}${file}` }, ctx)),
      );
      const traceIds = answers.map((a) => (a.kind === 'json' ? a.body.trace_id : undefined));
      for (const a of answers) expect(a.kind === 'json' && a.body).toMatchObject({ errcode: 0, trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) });
      expect(pushes).toEqual([]);
      await sleep(300);
      const verdicts = Object.fromEntries(pushes.map((p) => [p.trace_id, p]));
      expect(verdicts[traceIds[0] as string]).toMatchObject({ MsgType: 'event', Event: 'wxa_media_check', FromUserName: 'o-user', version: 2, result: { suggest: 'risky' } });
      expect(verdicts[traceIds[1] as string]).toMatchObject({ Event: 'wxa_media_check', result: { suggest: 'pass' } });
    } finally {
      images.close();
    }
  });

  it('delivers nothing once closed: a push pending at close would reach a host that is gone', async () => {
    const wx = new WxEmulator({ mediaCheckDelayMs: 20 });
    const pushes: MediaCheckPush[] = [];
    wx.onPush(async (event) => void pushes.push(event));
    const ctx = { ...wxCtx, cloudCall: { functionName: 'wish', openApis: ['security.mediaCheckAsync'] } };
    const answer = await wx.callApi('security.mediaCheckAsync', good, ctx);
    expect(answer.kind === 'json' && answer.body).toMatchObject({ errcode: 0 });
    wx.close();
    await sleep(300);
    expect(pushes).toEqual([]);
  });

  it('refuses a forged push from a signed-in caller', async () => {
    const forged = errorOf(await platform.call('user', MEMBER, { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'pass' } }));
    expect(forged.code).toBe('FORBIDDEN');
  });
});

describe('photos others see wait for the check', () => {
  it('hides a photo from others until the push says pass; the owner sees 审核中 meanwhile', async () => {
    const photo = await uploadPhoto(platform, RESIDENT);
    const posted = await postAndPublish(photo);
    // Immediately: the poster sees it marked, another member does not see it at all.
    const own = await detailAs(RESIDENT, posted.id);
    expect(own.photoUrls).toHaveLength(1);
    expect(own.photoMarks[own.photoUrls[0]]).toBe('pending');
    expect((await detailAs(MEMBER, posted.id)).photoUrls).toEqual([]);
    const staffView = await detailAs(STAFF, posted.id);
    expect(staffView.photoUrls).toHaveLength(1);

    await mediaChecksSettled(platform);
    const later = await detailAs(MEMBER, posted.id);
    expect(later.photoUrls).toHaveLength(1);
    expect(later.photoMarks).toEqual({});
    expect((await detailAs(RESIDENT, posted.id)).photoMarks).toEqual({});
  });

  it('keeps a risky photo from everyone but its owner, who sees 未通过审核', async () => {
    const photo = await uploadRiskyPhoto(RESIDENT);
    const posted = await postAndPublish(photo);
    await mediaChecksSettled(platform);
    expect((await detailAs(MEMBER, posted.id)).photoUrls).toEqual([]);
    expect((await detailAs(STAFF, posted.id)).photoUrls).toEqual([]);
    const wall = await platform.call<{ items: WishCardView[] }>('wish', MEMBER, { action: 'wall', communityId: posted.communityId, page: 0 });
    expect(expectOk(wall).items.find((w) => w.id === posted.id)?.photoUrls).toEqual([]);
    // The wall's two reads (page, ledger) plus one batched read of the photos' check states.
    expect(await platform.roundTrips(wall.invocationId)).toBeLessThanOrEqual(3);
    const own = await detailAs(RESIDENT, posted.id);
    expect(own.photoMarks[own.photoUrls[0]]).toBe('risky');
  });
});

describe('the marks reach 问政 and service logs too', () => {
  const questionAs = async (openid: string, id: string) => expectOk(await platform.call<QuestionView>('qa', openid, { action: 'get', id }));

  it('a question’s photo shows 审核中 to its asker and the staff handling it until the check passed', async () => {
    const photo = await uploadPhoto(platform, RESIDENT);
    const asked = expectOk(await platform.call<QuestionView>('qa', RESIDENT, aQuestion({ photos: [photo] })));
    const own = await questionAs(RESIDENT, asked.id);
    expect(own.photos).toHaveLength(1);
    expect(own.photoMarks).toEqual({ [own.photos[0].url]: 'pending' });
    const staffView = await questionAs(STAFF, asked.id);
    expect(staffView.photoMarks[staffView.photos[0].url]).toBe('pending');

    await mediaChecksSettled(platform);
    const later = await questionAs(RESIDENT, asked.id);
    expect(later.photos).toHaveLength(1);
    expect(later.photoMarks).toEqual({});
  });

  it('a risky photo on a question stays with its asker, marked 未通过审核', async () => {
    const photo = await uploadRiskyPhoto(RESIDENT);
    const asked = expectOk(await platform.call<QuestionView>('qa', RESIDENT, aQuestion({ photos: [photo], title: '楼道堆放杂物' })));
    await mediaChecksSettled(platform);
    expect((await questionAs(STAFF, asked.id)).photos).toEqual([]);
    const own = await questionAs(RESIDENT, asked.id);
    expect(own.photoMarks[own.photos[0].url]).toBe('risky');
  });

  it('evidence of a self-reported service log shows 审核中 in the staff review queue until the check passed', async () => {
    const photo = await uploadPhoto(platform, MEMBER);
    const payload = {
      action: 'reportService', communityId: HUBIN.id, type: 'home_visit', title: '走访独居老人', serviceDate: formatShanghaiDate(new Date()),
      place: '湖滨社区 3 栋', beneficiaries: '独居老人张某', content: '上门了解生活困难并协助联系维修', hours: 1, evidence: [photo], requestId: requestId('media'),
    };
    const log = expectOk(await platform.call<ServiceLogView>('checkin', MEMBER, payload));
    const queue = async () => expectOk(await platform.call<{ items: ServiceLogView[] }>('checkin', STAFF, { action: 'pendingLogs', communityId: HUBIN.id })).items.find((l) => l.id === log.id);
    const pending = await queue();
    const url = pending?.evidence[0].url as string;
    expect(url).toMatch(/^http/);
    expect(pending?.photoMarks).toEqual({ [url]: 'pending' });

    await mediaChecksSettled(platform);
    expect((await queue())?.photoMarks).toEqual({});
  });
});
