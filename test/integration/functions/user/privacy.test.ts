import { EJSON } from 'bson';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { ActivityView } from '../../../../src/domain/activity.schema';
import type { CertificateVerification, CertificateView } from '../../../../src/domain/certificate';
import type { ExportView, MyDataView, WithdrawPreview } from '../../../../src/domain/privacy.schema';
import type { QuestionView } from '../../../../src/domain/question.schema';
import type { ServiceLogView } from '../../../../src/domain/service-log.schema';
import type { WishCardView, WishDetailView } from '../../../../src/domain/wish.schema';
import { WITHDRAWN_LABEL } from '../../../../src/domain/masking';
import { RETENTION } from '../../../../src/domain/retention';
import { uploadPhoto } from '../../../helpers/upload-photo';
import { aMemberProfile, aQuestion, aWishInput, requestId } from '../../../fixtures/builders';
import { ADMIN, HUBIN, STAFF } from '../../../fixtures/personas';
import { at, gcjReading, northOf } from '../checkin/checkin-fixtures';

/**
 * 我的信息, export and 注销 end to end through the functions: what a person sees of themselves, what stays for the
 * community after they withdraw (under 已注销用户), and that nothing else of theirs can be found.
 */
let platform: TestPlatform;
let clock = at('2025-06-01 10:00');
const DAY = 86_400_000;

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);

afterAll(() => platform?.close());

const COLLECTIONS = ['users', 'checkins', 'checkin_history', 'attendances', 'service_logs', 'service_summaries', 'certificates', 'wishes', 'wish_claimants', 'wish_offers', 'questions', 'post_counts', 'request_log', 'data_exports'];

async function allDocs(collection: string): Promise<Record<string, unknown>[]> {
  const reply = (await platform.emulator.database.handle('database.getDocument', { collectionName: collection, queryType: 'WHERE', query: '{}', limit: 1000 })) as { data: { list: string[] } };
  return reply.data.list.map((s) => EJSON.parse(s) as Record<string, unknown>);
}

/** Every stored document (of the collections that hold people) that still contains one of `values`. */
async function docsContaining(values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const collection of COLLECTIONS) {
    for (const doc of await allDocs(collection)) {
      const text = JSON.stringify(doc);
      for (const v of values) if (text.includes(v)) found.push(`${collection}/${String(doc._id)} has ${v}`);
    }
  }
  return found;
}

const setHome = async (openid: string) => expectOk(await platform.call('user', openid, { action: 'setHomeCommunity', communityId: HUBIN.id }));
const register = async (openid: string, name: string, phone: string) => expectOk(await platform.call('user', openid, { action: 'registerMember', ...aMemberProfile({ name, phone }) }));

async function publishedWish(poster: string, overrides: Parameters<typeof aWishInput>[0] = {}): Promise<WishDetailView> {
  const posted = expectOk(await platform.call('wish', poster, { action: 'post', ...aWishInput(overrides) }));
  return posted.status === 'published' ? posted : expectOk(await platform.call('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
}

describe('a resident with wishes and questions', () => {
  const RES = 'priv-resident';
  const HELPER = 'priv-helper';
  let closedWish: WishDetailView;
  let openWish: WishDetailView;
  let answered: QuestionView;
  let privatePhoto: string;

  beforeAll(async () => {
    await setHome(RES);
    await register(HELPER, '赵帮忙', '13911112222');
    closedWish = await publishedWish(RES, { title: '想要一台收音机', beneficiaryName: '孙秀英', beneficiaryPhone: '13722223333', photos: [await uploadPhoto(platform, RES)] });
    expectOk(await platform.call('wish', HELPER, { action: 'claim', wishId: closedWish.id }));
    expectOk(await platform.call('wish', HELPER, { action: 'deliver', wishId: closedWish.id, photos: [await uploadPhoto(platform, HELPER)], note: '已送到' }));
    expectOk(await platform.call('wish', RES, { action: 'move', wishId: closedWish.id, event: 'confirm' }));
    privatePhoto = await uploadPhoto(platform, RES);
    openWish = expectOk(await platform.call('wish', RES, { action: 'post', ...aWishInput({ title: '想要一副老花镜', beneficiaryName: '孙秀英', beneficiaryPhone: '13722223333', photos: [privatePhoto] }) }));
    const asked = expectOk(await platform.call('qa', RES, aQuestion({ title: '楼道灯坏了', askerName: '孙秀英', isPublic: true })));
    answered = expectOk(await platform.call('qa', STAFF, { action: 'answer', id: asked.id, content: '已安排电工维修。', photos: [], requestId: requestId('ans') }));
    expectOk(await platform.call('qa', RES, aQuestion({ title: '想问垃圾分类时间', askerName: '孙秀英' })));
  }, 60_000);

  it('shows everything stored, grouped by area, each item with why and how long', async () => {
    const view = expectOk(await platform.call<MyDataView>('user', RES, { action: 'myData' }));
    const section = (key: string) => view.sections.find((s) => s.key === key)!;
    expect(view.sections.map((s) => s.key)).toEqual(['profile', 'checkins', 'service', 'wishes', 'questions', 'uploads', 'contactLog']);
    expect(section('wishes').records.map((r) => r.title)).toEqual(expect.arrayContaining([expect.stringContaining('想要一台收音机'), expect.stringContaining('想要一副老花镜')]));
    expect(section('questions').records).toHaveLength(2);
    expect(section('uploads').records).toHaveLength(2);
    expect(section('contactLog').records[0].fields).toEqual(expect.arrayContaining([{ label: '查看人', value: '赵帮忙' }]));
    for (const s of view.sections) for (const r of s.records) expect(r).toMatchObject({ why: RETENTION[r.retention].why, period: RETENTION[r.retention].period });
    // Only one's own: the helper sees none of the resident's wishes.
    const helper = expectOk(await platform.call<MyDataView>('user', HELPER, { action: 'myData' }));
    expect(JSON.stringify(helper)).not.toContain('想要一副老花镜');
  });

  it('exports exactly what the page shows, once a day, at an address that names nobody', async () => {
    const view = expectOk(await platform.call<MyDataView>('user', RES, { action: 'myData' }));
    const files = expectOk(await platform.call<ExportView>('user', RES, { action: 'exportMyData' }));
    expect(files.readableFormat).toBe('xlsx');
    expect(files.jsonUrl).not.toContain(RES);
    expect(await (await fetch(files.jsonUrl)).json()).toEqual(view);
    const xlsx = Buffer.from(await (await fetch(files.readableUrl)).arrayBuffer());
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(errorOf(await platform.call('user', RES, { action: 'exportMyData' })).code).toBe('RATE_LIMITED');
  });

  it('previews what 注销 will do, and refuses without the typed confirmation', async () => {
    const preview = expectOk(await platform.call<WithdrawPreview>('user', RES, { action: 'withdrawPreview' }));
    expect(preview.confirmation).toBe('确认注销');
    expect(preview.lines).toEqual(
      expect.arrayContaining([
        { outcome: 'withdrawn', text: '1 个尚未被认领的心愿将被撤回' },
        { outcome: 'kept', text: '1 个已销号的心愿保留在公示中，显示为“已注销用户”' },
        { outcome: 'withdrawn', text: '1 个尚未答复的问题将被撤回并删除' },
      ]),
    );
    const wrong = errorOf(await platform.call('user', RES, { action: 'withdraw', confirmation: '注销' }));
    expect(wrong.code).toBe('INVALID_ARGUMENT');
    expect(wrong.details?.issues?.[0]).toMatchObject({ field: 'confirmation' });
    expect((await allDocs('users')).some((u) => u._id === RES)).toBe(true);
  });

  it('withdraws: the 公示 keeps the closed wish as 已注销用户, nothing else of theirs is readable, a return starts fresh', async () => {
    expectOk(await platform.call('user', RES, { action: 'withdraw', confirmation: '确认注销' }));

    const publicity = expectOk(await platform.call<{ items: WishCardView[] }>('wish', null, { action: 'publicity', communityId: HUBIN.id }));
    expect(publicity.items.find((w) => w.id === closedWish.id)).toMatchObject({ status: 'closed', beneficiaryName: WITHDRAWN_LABEL });
    const publicQa = expectOk(await platform.call<{ items: { id: string; askerName: string }[] }>('qa', null, { action: 'publicList', communityId: HUBIN.id }));
    expect(publicQa.items.find((q) => q.id === answered.id)).toMatchObject({ askerName: WITHDRAWN_LABEL });
    expect(errorOf(await platform.call('wish', null, { action: 'detail', wishId: openWish.id })).code).toBe('NOT_FOUND');

    // Left only in the staff member's retry cache of the answer (request_log, no action reads it but a retry by that
    // staff member), which the timer removes after a day (stored with the server's time, hence the real clock).
    expect(await docsContaining([RES, '孙秀英', '13722223333', privatePhoto])).toEqual([expect.stringMatching(/^request_log\/qa\.answer\.demo-community-staff\..* has 孙秀英$/)]);
    const saved = clock;
    clock = new Date(Date.now() + 2 * DAY);
    await platform.fireTimer('user', 'purgeExpired');
    clock = saved;
    expect(await docsContaining([RES, '孙秀英', '13722223333', privatePhoto])).toEqual([]);
    expect(expectOk(await platform.call('wish', ADMIN, { action: 'detail', wishId: openWish.id }))).toMatchObject({ status: 'withdrawn', photoUrls: [] });

    const me = expectOk(await platform.call('user', RES, { action: 'me' }));
    expect(me).toMatchObject({ profile: null, community: null });
    expect(expectOk(await platform.call('wish', RES, { action: 'mine' }))).toMatchObject({ posted: [] });
    expect(expectOk(await platform.call('qa', RES, { action: 'mine' }))).toMatchObject({ items: [] });
    const fresh = expectOk(await platform.call<MyDataView>('user', RES, { action: 'myData' }));
    expect(fresh.sections.every((s) => s.records.length === 0)).toBe(true);
  });
});

describe('a member with service hours', () => {
  const MEM = 'priv-member';
  let certificate: CertificateView;
  let claimed: WishDetailView;
  const inside = gcjReading(northOf(HUBIN, 100));

  beforeAll(async () => {
    clock = at('2025-06-01 10:00');
    await register(MEM, '周志愿', '13933334444');
    const activity = expectOk(
      await platform.call<ActivityView>('checkin', STAFF, { action: 'publishActivity', communityId: HUBIN.id, title: '社区义诊', type: 'volunteer', startAt: '2025-06-03 09:00', endAt: '2025-06-03 12:00', capacity: 10, requestId: requestId('pub') }),
    );
    expectOk(await platform.call('checkin', MEM, { action: 'signUp', activityId: activity.id }));
    clock = at('2025-06-03 09:00');
    expectOk(await platform.call('checkin', MEM, { action: 'checkIn', activityId: activity.id, ...inside }));
    clock = at('2025-06-03 12:00');
    const out = expectOk(await platform.call('checkin', MEM, { action: 'checkOut', activityId: activity.id, ...inside }));
    expectOk(await platform.call<ServiceLogView>('checkin', STAFF, { action: 'reviewLog', logId: out.logId as string, decision: 'confirm', rating: 'good' }));
    clock = at('2025-06-04 10:00');
    certificate = expectOk(await platform.call<CertificateView>('checkin', MEM, { action: 'issueCertificate', from: '2025-06-01', to: '2025-06-04', requestId: requestId('cert') }));
    claimed = await publishedWish(STAFF, { onBehalf: true, title: '想要一袋大米' });
    expectOk(await platform.call('wish', MEM, { action: 'claim', wishId: claimed.id }));
  }, 60_000);

  it('keeps the confirmed hours under 已注销用户, releases the open claim, and certificates still verify', async () => {
    const preview = expectOk(await platform.call<WithdrawPreview>('user', MEM, { action: 'withdrawPreview' }));
    expect(preview.lines).toEqual(
      expect.arrayContaining([
        { outcome: 'kept', text: '已确认的 3 小时服务时长保留在社区台账中，显示为“已注销用户”' },
        { outcome: 'released', text: '1 个未完成的认领将被释放，心愿重新等待认领' },
      ]),
    );
    expectOk(await platform.call('user', MEM, { action: 'withdraw', confirmation: '确认注销' }));

    const logs = (await allDocs('service_logs')).filter((l) => l.title === '社区义诊');
    expect(logs).toEqual([expect.objectContaining({ status: 'confirmed', hours: 3, memberName: WITHDRAWN_LABEL })]);
    expect(String(logs[0].openid)).toMatch(/^withdrawn-/);

    const verified = expectOk(await platform.call<CertificateVerification>('checkin', null, { action: 'verifyCertificate', certificateNo: certificate.certificateNo, code: certificate.verificationCode }));
    expect(verified).toMatchObject({ genuine: true, certificate: { memberName: WITHDRAWN_LABEL, hours: 3 } });

    const wish = expectOk(await platform.call('wish', null, { action: 'detail', wishId: claimed.id }));
    expect(wish).toMatchObject({ status: 'published' });
    const found = expectOk(await platform.call<unknown[]>('user', ADMIN, { action: 'searchPeople', query: '周志愿' }));
    expect(JSON.stringify(found)).not.toContain('周志愿');
    expect(JSON.stringify(expectOk(await platform.call('user', ADMIN, { action: 'searchPeople', query: '4444' })))).not.toContain('13933334444');
    // The claim block (a counter keyed by the openid, no name or phone) is all that is left, until the timer's next day.
    expect(await docsContaining([MEM, '周志愿', '13933334444'])).toEqual([`wish_claimants/m:${MEM} has ${MEM}`]);
    clock = new Date(clock.getTime() + 2 * DAY);
    await platform.fireTimer('user', 'purgeExpired');
    expect(await docsContaining([MEM, '周志愿', '13933334444'])).toEqual([]);
  });

  it('lets the person come back as a new member who may claim again', async () => {
    await register(MEM, '周志愿', '13933334444');
    const record = expectOk(await platform.call('checkin', MEM, { action: 'myRecord' }));
    expect(record.totals.hours).toBe(0);
    const wish = await publishedWish(STAFF, { onBehalf: true, title: '想要一把雨伞' });
    expect(expectOk(await platform.call('wish', MEM, { action: 'claim', wishId: wish.id })).status).toBe('claimed');
  });
});

describe('withdrawal racing claims', () => {
  it('leaves no wish claimed by a withdrawn member, whichever finishes first', async () => {
    for (let round = 0; round < 4; round += 1) {
      const racer = `priv-racer-${round}`;
      await register(racer, '吴赛跑', '13944445555');
      const wishes = await Promise.all([0, 1].map((i) => publishedWish(STAFF, { onBehalf: true, title: `抢认领${round}-${i}` })));
      const claims = wishes.map((w, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 3 * round)).then(() => platform.call('wish', racer, { action: 'claim', wishId: w.id })),
      );
      const withdrawal = platform.call('user', racer, { action: 'withdraw', confirmation: '确认注销' });
      await Promise.all([...claims, withdrawal]);
      expectOk(await withdrawal);
      const held = (await allDocs('wishes')).filter((w) => JSON.stringify(w.claim ?? null).includes(racer));
      expect(held).toEqual([]);
      for (const w of wishes) {
        const stored = (await allDocs('wishes')).find((d) => d._id === w.id)!;
        expect(stored.status).toBe('published');
      }
    }
  }, 120_000);
});

describe('the retention timer', () => {
  it('cuts check-in coordinates after 90 days and keeps distance and accuracy', async () => {
    clock = at('2025-07-01 10:00');
    await register('priv-old', '郑报到', '13955556666');
    expectOk(await platform.call('checkin', 'priv-old', { action: 'report', communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 100)) }));
    await platform.fireTimer('user', 'purgeExpired');
    const kept = (await allDocs('checkins')).find((c) => c._id === 'priv-old')!;
    expect(kept.point).not.toBeNull();
    clock = new Date(clock.getTime() + 91 * DAY);
    await platform.fireTimer('user', 'purgeExpired');
    const cut = (await allDocs('checkins')).find((c) => c._id === 'priv-old')!;
    expect(cut).toMatchObject({ point: null, accuracy: 20 });
    expect(typeof cut.distance).toBe('number');
  });

  it('refuses a caller who fires it as a client', async () => {
    const forged = await platform.call('user', 'priv-old', { Type: 'Timer', TriggerName: 'purgeExpired' });
    expect(forged.body.ok).toBe(false);
  });
});
