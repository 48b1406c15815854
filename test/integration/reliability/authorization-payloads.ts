import { formatShanghaiDate, formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import type { TestPlatform } from '../../helpers/local-platform';
import { aWishInput } from '../../fixtures/builders';
import { ADMIN, CHAOYANG as CHAOYANG_PLACE, CITY_ORGAN, HUBIN as HUBIN_PLACE, LEAGUE, LEAGUE_HELPER, MEMBER, OTHER_STAFF, RESIDENT, STAFF, STAFF_MEMBER, STREET_STAFF, UNIT_ADMIN } from '../../fixtures/personas';

/**
 * The payload of every row of docs/authorization.md: a realistic call over seeded data (湖滨社区) that reaches the
 * permission check. Fixtures that a cell would use up (a wish to review, a question to accept) are built through
 * the real functions as the people who would make them, inside `ctx.fixture`, so each cell gets them in the state
 * the row describes.
 */
export interface PayloadContext {
  /** Who calls this cell; null: not logged in. */
  caller: string | null;
  platform: TestPlatform;
  /** A request id no one has used yet. */
  requestId(prefix?: string): string;
  /** The platform's clock (what functions see as ctx.now()). */
  now(): Date;
  /** Moves the platform's clock forward for the rest of the row. */
  advanceClock(ms: number): void;
  /** The row's fixture: built on first use, kept while cells leave the database as it was, built again after one changes it. */
  fixture<T>(build: () => Promise<T>): Promise<T>;
  /** A set-up call as `openid` that must succeed; its data. */
  as<T = Record<string, unknown>>(openid: string, fn: string, payload: Record<string, unknown>): Promise<T>;
  /** A photo uploaded by `openid`; for an anonymous caller a well-formed id of nobody's upload. */
  photo(openid: string | null): Promise<string>;
  /** A registered 在职党员 who is none of the personas (for staff rows that act on someone else's document). */
  newMember(): Promise<string>;
}

export type PayloadFactory = (ctx: PayloadContext) => Promise<Record<string, unknown>> | Record<string, unknown>;

const HUBIN = HUBIN_PLACE;
const CHAOYANG = CHAOYANG_PLACE.id;
const UNIT = CITY_ORGAN.id;

/** The columns of docs/authorization.md, by persona. */
export const PERSONA = {
  resident: RESIDENT,
  member: MEMBER,
  staff: STAFF,
  otherStaff: OTHER_STAFF,
  streetStaff: STREET_STAFF,
  league: LEAGUE,
  unitAdmin: UNIT_ADMIN,
  admin: ADMIN,
  staffMember: STAFF_MEMBER,
  leagueHelper: LEAGUE_HELPER,
} as const;

/** The dual-role columns act on their own work in the rows about reviewing, closing and matching (separation of duties). */
const isDualRole = (ctx: PayloadContext) => ctx.caller === PERSONA.staffMember || ctx.caller === PERSONA.leagueHelper;

/** A row's fixture, except that a dual-role caller gets their own work, never one the previous cell left behind. */
const fixtureFor = <T>(ctx: PayloadContext, build: () => Promise<T>): Promise<T> => (isDualRole(ctx) ? build() : ctx.fixture(build));

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A reading inside 湖滨社区's fence, as weapp gives it. */
const atHubin = { latitude: HUBIN.latitude, longitude: HUBIN.longitude, accuracy: 20, coordSystem: 'gcj02' as const };

// ——— fixtures, made through the functions as the people who would make them ———

const wishFields = (ctx: PayloadContext) => aWishInput({ onBehalf: false, requestId: ctx.requestId('wish') });

/** 居民 posts a wish for themselves in 湖滨社区: it waits for review. */
const submittedWish = async (ctx: PayloadContext) => (await ctx.as<{ id: string }>(PERSONA.resident, 'wish', { action: 'post', ...wishFields(ctx) })).id;

/** …and 湖滨社区's staff publish it. */
async function publishedWish(ctx: PayloadContext): Promise<string> {
  const id = await submittedWish(ctx);
  await ctx.as(PERSONA.staff, 'wish', { action: 'review', wishId: id, decision: 'approve' });
  return id;
}

/** …and 党员 (or `claimant`) claims it. */
async function claimedWish(ctx: PayloadContext, claimant: string = PERSONA.member): Promise<string> {
  const id = await publishedWish(ctx);
  await ctx.as(claimant, 'wish', { action: 'claim', wishId: id });
  return id;
}

/** …and delivers it. */
async function deliveredWish(ctx: PayloadContext, claimant: string = PERSONA.member): Promise<string> {
  const id = await claimedWish(ctx, claimant);
  await ctx.as(claimant, 'wish', { action: 'deliver', wishId: id, photos: [await ctx.photo(claimant)], note: '已把书和文具送到孩子家中' });
  return id;
}

/** 党员 (or `helper`) offers help in 湖滨社区. */
const memberOffer = async (ctx: PayloadContext, helper: string = PERSONA.member) =>
  (await ctx.as<{ id: string }>(helper, 'wish', { action: 'offer', communityId: HUBIN.id, ways: ['购赠实物'], note: '可以提供学习用品', requestId: ctx.requestId('offer') })).id;

/** 居民 (or `asker`) asks 湖滨社区 a question. */
const askedQuestion = async (ctx: PayloadContext, asker: string = PERSONA.resident) =>
  (
    await ctx.as<{ id: string }>(asker, 'qa', {
      action: 'ask',
      title: '小区路灯不亮',
      content: '3 栋门口的路灯坏了一周，晚上出行不安全，希望尽快维修。',
      category: '社区治理',
      communityId: HUBIN.id,
      askerName: '张三',
      requestId: ctx.requestId('ask'),
    })
  ).id;

/** …and 湖滨社区's staff answer it. */
async function answeredQuestion(ctx: PayloadContext): Promise<string> {
  const id = await askedQuestion(ctx);
  await ctx.as(PERSONA.staff, 'qa', { action: 'answer', id, content: '已联系物业维修，今晚恢复照明。', requestId: ctx.requestId('answer') });
  return id;
}

/** …or transfer it to 南昌市直机关工委. */
async function transferredQuestion(ctx: PayloadContext): Promise<string> {
  const id = await askedQuestion(ctx);
  await ctx.as(PERSONA.staff, 'qa', { action: 'transfer', id, toType: 'unit', toId: UNIT, reason: '属该单位宿舍区管理' });
  return id;
}

/** An activity of 湖滨社区 running now (started an hour ago, ends in an hour), published by its staff. */
const runningActivity = async (ctx: PayloadContext) =>
  (
    await ctx.as<{ id: string }>(PERSONA.staff, 'checkin', {
      action: 'publishActivity',
      communityId: HUBIN.id,
      title: '社区环境整治',
      type: 'volunteer',
      startAt: formatShanghaiMinute(new Date(ctx.now().getTime() - HOUR)),
      endAt: formatShanghaiMinute(new Date(ctx.now().getTime() + HOUR)),
      capacity: 30,
      requestId: ctx.requestId('activity'),
    })
  ).id;

/** A self-reported service log of `openid` at 湖滨社区, awaiting confirmation. */
const serviceLog = async (ctx: PayloadContext, openid: string) =>
  (await ctx.as<{ id: string }>(openid, 'checkin', { action: 'reportService', ...serviceFields(ctx), evidence: [await ctx.photo(openid)] })).id;

const serviceFields = (ctx: PayloadContext) => ({
  communityId: HUBIN.id,
  type: 'volunteer',
  title: '清理楼道杂物',
  serviceDate: formatShanghaiDate(ctx.now()),
  place: '湖滨社区 3 栋',
  beneficiaries: '3 栋居民',
  content: '清理楼道堆放的杂物，消除消防隐患。',
  hours: 2,
  requestId: ctx.requestId('service'),
});

/** Asking as a unit admin means for the unit (group claim); everyone else asks for themselves. */
const asUnitFor = (ctx: PayloadContext) => ctx.caller === PERSONA.unitAdmin;

// ——— one payload per action ———

export const PAYLOADS: Record<string, PayloadFactory> = {
  // user
  'user.me': () => ({}),
  'user.registerMember': (ctx) => ({ name: '测试党员', phone: '13812345678', workUnitId: UNIT, partyBranch: '机关第二党支部', skills: [], requestId: ctx.requestId('reg') }),
  'user.setHomeCommunity': (ctx) => ({ communityId: ctx.caller === PERSONA.otherStaff ? CHAOYANG : HUBIN.id }),
  'user.listCommunities': () => ({}),
  'user.listUnits': () => ({}),
  'user.listCommunityMembers': () => ({ communityId: HUBIN.id }),
  'user.createCommunity': (ctx) => ({
    name: '授权测试社区',
    district: '东湖区',
    street: '百花洲街道',
    streetId: HUBIN.streetId,
    address: '南昌市东湖区测试路 1 号',
    latitude: 28.68,
    longitude: 115.9,
    radius: 500,
    requestId: ctx.requestId('community'),
  }),
  'user.createUnit': (ctx) => ({ name: '授权测试单位', requestId: ctx.requestId('unit') }),
  'user.grantRole': () => ({ openid: 'authz-grantee', role: 'community_staff', scopeType: 'community', scopeId: CHAOYANG }),
  'user.searchPeople': () => ({ query: '1234' }),
  'user.holidayCalendar': () => ({}),
  // A year far off, so the entered table changes no deadline the other rows count on.
  'user.enterHolidayTable': () => ({
    table: {
      year: 2030,
      source: { title: '授权测试通知', documentNumber: '测试〔2029〕1号', issuedOn: '2029-11-01', url: 'https://www.gov.cn/' },
      holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }],
      adjustedWorkdays: [],
    },
  }),

  // checkin: 报到
  'checkin.communityByScene': () => ({ scene: HUBIN.id }),
  'checkin.communitySettings': () => ({ communityId: HUBIN.id }),
  'checkin.setCommunityFence': () => ({ communityId: HUBIN.id, latitude: HUBIN.latitude, longitude: HUBIN.longitude, radius: HUBIN.radius }),
  'checkin.communityQr': () => ({ communityId: HUBIN.id, target: 'h5', h5Origin: 'http://127.0.0.1:8787' }),
  'checkin.report': () => ({ ...atHubin, communityId: HUBIN.id }),
  'checkin.myCheckin': () => ({}),
  'checkin.withdrawCheckin': async (ctx) => {
    await ctx.fixture(() => ctx.as(PERSONA.member, 'checkin', { action: 'report', ...atHubin, communityId: HUBIN.id }));
    return {};
  },
  'checkin.pendingCheckins': () => ({ communityId: HUBIN.id }),
  'checkin.reviewCheckin': async (ctx) => {
    const memberOpenid = await ctx.fixture(async () => {
      const openid = await ctx.newMember();
      await ctx.as(openid, 'checkin', { action: 'report', ...atHubin, communityId: HUBIN.id });
      return openid;
    });
    // 兼党员 reviews their own (seeded, confirmed) 报到: refused for whose it is before its state is looked at.
    return { memberOpenid: ctx.caller === PERSONA.staffMember ? ctx.caller : memberOpenid, decision: 'confirm' };
  },
  'checkin.roster': () => ({ communityId: HUBIN.id }),

  // checkin: activities
  'checkin.publishActivity': (ctx) => ({
    communityId: HUBIN.id,
    title: '政策宣讲进楼栋',
    type: 'policy_talk',
    startAt: formatShanghaiMinute(new Date(ctx.now().getTime() + 2 * DAY)),
    endAt: formatShanghaiMinute(new Date(ctx.now().getTime() + 2 * DAY + 2 * HOUR)),
    capacity: 20,
    requestId: ctx.requestId('publish'),
  }),
  'checkin.listActivities': () => ({ communityId: HUBIN.id }),
  'checkin.activityDetail': () => ({ activityId: 'a-seed-policy' }),
  'checkin.activityRoster': () => ({ activityId: 'a-seed-policy' }),
  'checkin.signUp': () => ({ activityId: 'a-seed-visit' }),
  'checkin.cancelSignUp': async (ctx) => {
    await ctx.fixture(() => ctx.as(PERSONA.member, 'checkin', { action: 'signUp', activityId: 'a-seed-visit' }));
    return { activityId: 'a-seed-visit' };
  },
  'checkin.checkIn': async (ctx) => {
    await ctx.fixture(() => ctx.as(PERSONA.member, 'checkin', { action: 'signUp', activityId: 'a-seed-policy' }));
    return { ...atHubin, activityId: 'a-seed-policy' };
  },
  'checkin.checkOut': async (ctx) => {
    await ctx.fixture(async () => {
      await ctx.as(PERSONA.member, 'checkin', { action: 'signUp', activityId: 'a-seed-policy' });
      return ctx.as(PERSONA.member, 'checkin', { action: 'checkIn', ...atHubin, activityId: 'a-seed-policy' });
    });
    return { ...atHubin, activityId: 'a-seed-policy' };
  },
  'checkin.checkOutAll': async (ctx) => ({ activityId: await ctx.fixture(() => runningActivity(ctx)) }),

  // checkin: service records and certificates
  'checkin.reportService': async (ctx) => ({ ...serviceFields(ctx), evidence: [await ctx.photo(ctx.caller)] }),
  'checkin.requestCorrection': async (ctx) => {
    const activityId = await ctx.fixture(async () => {
      const id = await runningActivity(ctx);
      await ctx.as(PERSONA.member, 'checkin', { action: 'signUp', activityId: id });
      return id;
    });
    return { activityId, hours: 1, reason: '忘记签到，现场有合影为证', evidence: [await ctx.photo(ctx.caller)], requestId: ctx.requestId('correction') };
  },
  'checkin.pendingLogs': () => ({ communityId: HUBIN.id }),
  'checkin.reviewLog': async (ctx) => ({
    logId: await fixtureFor(ctx, async () => serviceLog(ctx, ctx.caller === PERSONA.staffMember ? ctx.caller : await ctx.newMember())),
    decision: 'confirm',
    rating: 'good',
  }),
  'checkin.myRecord': () => ({}),
  'checkin.issueCertificate': async (ctx) => {
    await ctx.fixture(async () => {
      const logId = await serviceLog(ctx, PERSONA.member);
      return ctx.as(PERSONA.staff, 'checkin', { action: 'reviewLog', logId, decision: 'confirm', rating: 'good' });
    });
    return { from: formatShanghaiDate(new Date(ctx.now().getTime() - 30 * DAY)), to: formatShanghaiDate(ctx.now()), requestId: ctx.requestId('certificate') };
  },
  'checkin.myCertificates': () => ({}),
  'checkin.verifyCertificate': () => ({ certificateNo: 'ZY20250601ABCDEF', code: 'ABCDEFGH' }),

  // wish
  'wish.post': (ctx) => wishFields(ctx),
  'wish.review': async (ctx) => ({ wishId: await ctx.fixture(() => submittedWish(ctx)), decision: 'approve' }),
  'wish.wall': () => ({ communityId: HUBIN.id }),
  'wish.publicity': () => ({ communityId: HUBIN.id }),
  'wish.detail': () => ({ wishId: 'w-seed-1' }),
  'wish.claim': async (ctx) => ({ wishId: await ctx.fixture(() => publishedWish(ctx)), asUnit: asUnitFor(ctx) }),
  'wish.deliver': async (ctx) => ({ wishId: await ctx.fixture(() => claimedWish(ctx)), photos: [await ctx.photo(ctx.caller)], note: '已把书和文具送到孩子家中' }),
  'wish.move': async (ctx) => ({ wishId: await fixtureFor(ctx, () => deliveredWish(ctx, isDualRole(ctx) ? (ctx.caller as string) : PERSONA.member)), event: 'confirm' }),
  'wish.mine': () => ({}),
  'wish.reviewQueue': () => ({ communityId: HUBIN.id }),
  'wish.chaseList': () => ({ communityId: HUBIN.id }),
  'wish.sendReminders': () => ({ communityId: HUBIN.id }),
  'wish.createCampaign': (ctx) => ({
    name: '六一微心愿',
    scopeType: 'community',
    scopeId: HUBIN.id,
    publishAt: new Date(ctx.now().getTime() + 7 * DAY).toISOString(),
    perPersonLimit: 1,
    requestId: ctx.requestId('campaign'),
  }),
  'wish.listCampaigns': () => ({}),
  'wish.addToCampaign': async (ctx) =>
    ctx.fixture(async () => {
      const campaign = await ctx.as<{ id: string }>(PERSONA.league, 'wish', {
        action: 'createCampaign',
        name: '六一微心愿',
        scopeType: 'community',
        scopeId: HUBIN.id,
        publishAt: new Date(ctx.now().getTime() + 7 * DAY).toISOString(),
        perPersonLimit: 1,
        requestId: ctx.requestId('campaign'),
      });
      return { wishId: await submittedWish(ctx), campaignId: campaign.id };
    }),
  'wish.offer': (ctx) => ({ communityId: HUBIN.id, ways: ['购赠实物', '义务投劳'], note: '可以提供学习用品', asUnit: asUnitFor(ctx), requestId: ctx.requestId('offer') }),
  'wish.listOffers': () => ({ communityId: HUBIN.id }),
  'wish.assign': async (ctx) =>
    fixtureFor(ctx, async () => ({ wishId: await publishedWish(ctx), offerId: await memberOffer(ctx, isDualRole(ctx) ? (ctx.caller as string) : PERSONA.member) })),
  'wish.declineProposal': async (ctx) => ({
    wishId: await ctx.fixture(async () => {
      const [wishId, offerId] = [await publishedWish(ctx), await memberOffer(ctx)];
      await ctx.as(PERSONA.staff, 'wish', { action: 'assign', wishId, offerId });
      return wishId;
    }),
  }),

  // qa
  'qa.ask': (ctx) => ({
    title: '楼道堆放杂物',
    content: '2 栋楼道长期堆放杂物，存在消防隐患，希望社区协调清理。',
    category: '环境卫生',
    communityId: HUBIN.id,
    askerName: '李四',
    requestId: ctx.requestId('ask'),
  }),
  'qa.mine': () => ({}),
  'qa.get': () => ({ id: 'q-seed-1' }),
  'qa.inbox': () => ({}),
  'qa.accept': async (ctx) => ({ id: await ctx.fixture(() => askedQuestion(ctx)) }),
  'qa.answer': async (ctx) => ({ id: await fixtureFor(ctx, () => askedQuestion(ctx, ctx.caller === PERSONA.staffMember ? ctx.caller : PERSONA.resident)), content: '已联系物业维修，今晚恢复照明。', requestId: ctx.requestId('answer') }),
  'qa.transfer': async (ctx) => ({ id: await ctx.fixture(() => askedQuestion(ctx)), toType: 'unit', toId: UNIT, reason: '属该单位宿舍区管理' }),
  'qa.acceptTransfer': async (ctx) => ({ id: await ctx.fixture(() => transferredQuestion(ctx)) }),
  'qa.declineTransfer': async (ctx) => ({ id: await ctx.fixture(() => transferredQuestion(ctx)), reason: '不属本单位管理范围' }),
  'qa.escalate': async (ctx) => ({
    id: await ctx.fixture(async () => {
      const id = await askedQuestion(ctx);
      // Nobody accepted it: half a month later it is overdue, whatever the holidays.
      ctx.advanceClock(15 * DAY);
      return id;
    }),
  }),
  'qa.followUp': async (ctx) => ({ id: await ctx.fixture(() => answeredQuestion(ctx)), content: '路灯修好后又坏了，能否彻底检修？', requestId: ctx.requestId('follow') }),
  'qa.rate': async (ctx) => ({ id: await ctx.fixture(() => answeredQuestion(ctx)), rating: '满意', requestId: ctx.requestId('rate') }),
  'qa.publicList': () => ({ communityId: HUBIN.id }),
  'qa.figures': (ctx) => ({ communityId: HUBIN.id, from: formatShanghaiDate(new Date(ctx.now().getTime() - 30 * DAY)), to: formatShanghaiDate(ctx.now()) }),

  // notice
  'notice.list': () => ({ communityId: HUBIN.id }),
  'notice.latest': () => ({ communityId: HUBIN.id }),
  'notice.get': () => ({ id: 'n-seed-1' }),
  'notice.publish': (ctx) => ({ communityId: HUBIN.id, category: '通知公告', title: '周末开展义诊活动', body: '本周六上午在社区广场开展义诊，欢迎居民参加。', pinned: false, requestId: ctx.requestId('notice') }),
  'notice.edit': async (ctx) => {
    const { version } = await ctx.fixture(() => ctx.as<{ version: number }>(PERSONA.staff, 'notice', { action: 'get', id: 'n-seed-1' }));
    return { id: 'n-seed-1', version, category: '通知公告', title: '关于开展秋季环境卫生整治的通知', body: '本周六上午 9:30 在社区广场集合，开展环境卫生整治志愿活动。', pinned: true, publicityDays: 7 };
  },
  'notice.pin': () => ({ id: 'n-seed-1', pinned: false }),
};
