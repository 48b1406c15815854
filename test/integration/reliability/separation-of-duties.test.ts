import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { uploadPhoto } from '../../helpers/upload-photo';
import { aMemberProfile, aQuestion, aWishInput, requestId } from '../../fixtures/builders';
import { storedDoc } from '../../fixtures/database';
import { ADMIN, HUBIN, LEAGUE, LEAGUE_HELPER, RESIDENT, STAFF, STAFF_MEMBER } from '../../fixtures/personas';
import { sdkFor } from '../../helpers/emulator-sdk';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import type { CertificateView } from '../../../src/domain/certificate';
import type { ServiceLogView } from '../../../src/domain/service-log.schema';

/**
 * Separation of duties (docs/authorization.md): whoever holds two roles still never confirms, closes, matches or
 * answers their own work, and the refusal says who else can. Every review names its reviewer, and a certificate
 * counts only hours someone else confirmed.
 */

jest.setTimeout(30_000);

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const atHubin = { latitude: HUBIN.latitude, longitude: HUBIN.longitude, accuracy: 20, coordSystem: 'gcj02' as const };

async function selfReported(openid: string, hours: number): Promise<ServiceLogView> {
  return expectOk(
    await platform.call<ServiceLogView>('checkin', openid, {
      action: 'reportService',
      communityId: HUBIN.id,
      type: 'volunteer',
      title: '清理楼道杂物',
      serviceDate: formatShanghaiDate(new Date()),
      place: '湖滨社区 3 栋',
      beneficiaries: '3 栋居民',
      content: '清理楼道堆放的杂物，消除消防隐患。',
      hours,
      evidence: [await uploadPhoto(platform, openid)],
      requestId: requestId('sod-log'),
    }),
  );
}

describe('service records', () => {
  it('refuses a staff member confirming their own self-reported log, and a colleague confirms it as themselves', async () => {
    const log = await selfReported(STAFF_MEMBER, 8);
    const own = errorOf(await platform.call('checkin', STAFF_MEMBER, { action: 'reviewLog', logId: log.id, decision: 'confirm', rating: 'good' }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: '不能确认自己的服务记录，请由本社区其他工作人员确认' });
    expect(errorOf(await platform.call('checkin', STAFF_MEMBER, { action: 'reviewLog', logId: log.id, decision: 'reject', reason: '自己退回' })).code).toBe('FORBIDDEN');
    expect(await storedDoc(platform, 'service_logs', log.id)).toMatchObject({ status: 'pending', reviewedBy: null });

    expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: log.id, decision: 'confirm', rating: 'good' }));
    expect(await storedDoc(platform, 'service_logs', log.id)).toMatchObject({ status: 'confirmed', reviewedBy: STAFF, reviewedByName: expect.any(String) });
  });

  it('issues a certificate only on hours someone else confirmed (a log its own member confirmed counts for nothing)', async () => {
    const member = requestId('sod-cert');
    expectOk(await platform.call('user', member, { action: 'registerMember', ...aMemberProfile({ requestId: requestId('reg') }) }));
    const log = await selfReported(member, 12);
    // As the found bug left it: confirmed by its own member.
    await sdkFor(platform.emulatorUrl).database().collection('service_logs').doc(log.id).update({ status: 'confirmed', reviewedBy: member, reviewedByName: '本人' });
    const range = { from: formatShanghaiDate(new Date(Date.now() - 30 * 86_400_000)), to: formatShanghaiDate(new Date()) };
    const refused = errorOf(await platform.call('checkin', member, { action: 'issueCertificate', ...range, requestId: requestId('cert') }));
    expect(refused.code).toBe('FAILED_PRECONDITION');

    const honest = await selfReported(member, 2);
    expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: honest.id, decision: 'confirm', rating: 'good' }));
    const certificate = expectOk(await platform.call<CertificateView>('checkin', member, { action: 'issueCertificate', ...range, requestId: requestId('cert') }));
    expect(certificate.hours).toBe(2);
  });
});

describe('报到', () => {
  it('refuses staff who are also members reviewing their own pending 报到; a colleague confirms and is recorded', async () => {
    const person = requestId('sod-checkin');
    expectOk(await platform.call('user', person, { action: 'registerMember', ...aMemberProfile({ requestId: requestId('reg') }) }));
    expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: person, role: 'community_staff', scopeType: 'community', scopeId: HUBIN.id }));
    expectOk(await platform.call('checkin', person, { action: 'report', ...atHubin, communityId: HUBIN.id }));

    for (const decision of ['confirm', 'reject'] as const) {
      const own = errorOf(await platform.call('checkin', person, { action: 'reviewCheckin', memberOpenid: person, decision, reason: '自己处理' }));
      expect(own).toMatchObject({ code: 'FORBIDDEN', message: '不能审核自己的报到，请由本社区其他工作人员确认' });
    }
    expect(await storedDoc(platform, 'checkins', person)).toMatchObject({ status: 'pending' });
    expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: person, decision: 'confirm' }));
    expect(await storedDoc(platform, 'checkins', person)).toMatchObject({ status: 'confirmed', reviewedBy: STAFF, reviewedByName: expect.any(String) });
  });
});

describe('微心愿', () => {
  async function publishedWish(): Promise<string> {
    const { id } = expectOk(await platform.call<{ id: string }>('wish', RESIDENT, { action: 'post', ...aWishInput({ onBehalf: false, requestId: requestId('wish') }) }));
    expectOk(await platform.call('wish', STAFF, { action: 'review', wishId: id, decision: 'approve' }));
    return id;
  }

  it('refuses league staff closing (销号) a wish they claimed and delivered themselves, and hides the button', async () => {
    const wishId = await publishedWish();
    expectOk(await platform.call('wish', LEAGUE_HELPER, { action: 'claim', wishId }));
    expectOk(await platform.call('wish', LEAGUE_HELPER, { action: 'deliver', wishId, photos: [await uploadPhoto(platform, LEAGUE_HELPER)], note: '已送到' }));
    const detail = expectOk(await platform.call<{ actions: string[] }>('wish', LEAGUE_HELPER, { action: 'detail', wishId }));
    expect(detail.actions).not.toContain('confirm');
    const own = errorOf(await platform.call('wish', LEAGUE_HELPER, { action: 'move', wishId, event: 'confirm' }));
    expect(own.code).toBe('FORBIDDEN');
    expect(own.message).toContain('其他工作人员');
    expect(await storedDoc(platform, 'wishes', wishId)).toMatchObject({ status: 'fulfilled' });
    expectOk(await platform.call('wish', RESIDENT, { action: 'move', wishId, event: 'confirm' }));
  });

  it('refuses matching a wish to one’s own offer; another staff member may', async () => {
    const wishId = await publishedWish();
    const offer = expectOk(
      await platform.call<{ id: string }>('wish', LEAGUE_HELPER, { action: 'offer', communityId: HUBIN.id, ways: ['购赠实物'], note: '可以提供学习用品', requestId: requestId('offer') }),
    );
    const own = errorOf(await platform.call('wish', LEAGUE_HELPER, { action: 'assign', wishId, offerId: offer.id }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: '不能把心愿匹配给自己的认领意向，请由负责该社区的其他工作人员匹配' });
    expect(await storedDoc(platform, 'wishes', wishId)).toMatchObject({ proposal: null });
    expectOk(await platform.call('wish', LEAGUE, { action: 'assign', wishId, offerId: offer.id }));
  });
});

describe('网络问政', () => {
  it('refuses staff answering a question they asked themselves; a colleague answers and is recorded, unseen', async () => {
    const { id } = expectOk(await platform.call<{ id: string }>('qa', STAFF_MEMBER, { ...aQuestion({ communityId: HUBIN.id }) }));
    const own = errorOf(await platform.call('qa', STAFF_MEMBER, { action: 'answer', id, content: '已经处理完毕了。', requestId: requestId('answer') }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: '不能答复自己提出的问题，请由本社区（单位）其他工作人员答复' });
    expectOk(await platform.call('qa', STAFF, { action: 'answer', id, content: '已联系物业维修。', requestId: requestId('answer') }));
    const stored = await storedDoc<{ thread: { kind: string; by?: string }[] }>(platform, 'questions', id);
    expect(stored?.thread.find((e) => e.kind === 'answered')?.by).toBe(STAFF);
    const seen = expectOk(await platform.call<unknown>('qa', STAFF_MEMBER, { action: 'get', id }));
    expect(JSON.stringify(seen)).not.toContain(STAFF);
  });

  it('refuses an asker rating or following up an answer they wrote themselves', async () => {
    const { id } = expectOk(await platform.call<{ id: string }>('qa', STAFF_MEMBER, { ...aQuestion({ communityId: HUBIN.id }) }));
    expectOk(await platform.call('qa', STAFF, { action: 'answer', id, content: '已联系物业维修。', requestId: requestId('answer') }));
    // As data from before the rule would have it: the asker wrote the answer.
    const stored = (await storedDoc<{ thread: { kind: string; by?: string }[] }>(platform, 'questions', id))!;
    const thread = stored.thread.map((e) => (e.kind === 'answered' ? { ...e, by: STAFF_MEMBER } : e));
    await sdkFor(platform.emulatorUrl).database().collection('questions').doc(id).update({ thread });
    const rate = errorOf(await platform.call('qa', STAFF_MEMBER, { action: 'rate', id, rating: '满意', requestId: requestId('rate') }));
    expect(rate).toMatchObject({ code: 'FORBIDDEN', message: '不能评价自己答复的问题，请由其他工作人员跟进' });
    expect(errorOf(await platform.call('qa', STAFF_MEMBER, { action: 'followUp', id, content: '还有问题吗？', requestId: requestId('follow') })).code).toBe('FORBIDDEN');
  });
});
