import { errorOf, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { uploadPhoto } from '../../helpers/upload-photo';
import { aQuestion, aWishInput, requestId } from '../../fixtures/builders';
import { HUBIN, LEAGUE, MEMBER, RESIDENT, STAFF } from '../../fixtures/personas';

/** Input that is wrong to a person is refused as INVALID_ARGUMENT naming the field, with a Chinese reason. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const INVISIBLE = ['   ', '\u200b\u200b\u200b', '\u3000\ufeff\u200d', '\u0007\u0001\u007f', ' \u200b\u0000 '];

describe('text that is empty to a person is empty', () => {
  it.each(INVISIBLE)('refuses a wish titled %j', async (title) => {
    const error = errorOf(await platform.call('wish', RESIDENT, { action: 'post', ...aWishInput({ title }) }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'title', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]));
  });

  it.each(INVISIBLE)('refuses a question whose content is %j', async (content) => {
    const error = errorOf(await platform.call('qa', RESIDENT, { ...aQuestion({ content }) }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues?.map((i) => i.field)).toContain('content');
  });
});

describe('dates are checked against sane ranges', () => {
  it('refuses a service date before the member registered, and one in the future', async () => {
    const evidence = [await uploadPhoto(platform, MEMBER)];
    const report = (serviceDate: string) =>
      platform.call('checkin', MEMBER, {
        action: 'reportService',
        communityId: HUBIN.id,
        type: 'volunteer',
        title: '社区清扫',
        serviceDate,
        place: '湖滨社区',
        beneficiaries: '社区居民',
        content: '清扫楼道和公共区域',
        hours: 2,
        evidence,
        requestId: requestId('svc'),
      });
    for (const serviceDate of ['2001-01-01', '2999-01-01']) {
      const error = errorOf(await report(serviceDate));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.details?.issues).toEqual([{ field: 'serviceDate', message: expect.stringMatching(/服务日期不能(早于报到登记日|晚于今天)/) }]);
    }
  });

  it('refuses an activity starting years from now', async () => {
    const error = errorOf(
      await platform.call('checkin', STAFF, {
        action: 'publishActivity',
        communityId: HUBIN.id,
        title: '远期活动',
        type: 'volunteer',
        startAt: '2205-06-01 09:00',
        endAt: '2205-06-01 11:00',
        capacity: 10,
        requestId: requestId('act'),
      }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual([{ field: 'startAt', message: expect.stringContaining('年') }]);
  });

  it('refuses a campaign published years from now or years ago', async () => {
    for (const publishAt of ['2205-06-01T00:00:00+08:00', '2001-06-01T00:00:00+08:00']) {
      const error = errorOf(
        await platform.call('wish', LEAGUE, { action: 'createCampaign', name: '六一心愿', scopeType: 'community', scopeId: HUBIN.id, publishAt, perPersonLimit: 1, requestId: requestId('cp') }),
      );
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.details?.issues).toEqual([{ field: 'publishAt', message: expect.stringContaining('年') }]);
    }
  });
});
