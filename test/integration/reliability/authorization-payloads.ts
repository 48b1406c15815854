import { formatShanghaiDate, formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import type { TestPlatform } from '../../helpers/local-platform';
import { aMemberProfile, aWishInput } from '../../fixtures/builders';
import { ADMIN, CHAOYANG as CHAOYANG_PLACE, CITY_ORGAN, HUBIN as HUBIN_PLACE, LEAGUE, LEAGUE_HELPER, MEMBER, OTHER_STAFF, RESIDENT, STAFF, STAFF_MEMBER, STREET_STAFF, UNIT_ADMIN } from '../../fixtures/personas';
import { DEFAULT_DAILY_POST_LIMITS } from '../../../src/domain/post-limits';
import { halfOf } from '../../../src/domain/star-report';
import { REFERENCE_ITEMS } from '../../../src/domain/star-rating';
import { kindOf } from '../../../src/domain/star-sheet';

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

/** A pledge's target date: tomorrow (the matrix runs on the real date; on 31 December the create is refused as too late). */
/** The Shanghai year of the platform's clock (annual views and opinions). */
const yearOf = (ctx: PayloadContext) => Number(formatShanghaiDate(ctx.now()).slice(0, 4));
const quarterOfNow = (ctx: PayloadContext) => ({ year: yearOf(ctx), quarter: Math.floor((Number(formatShanghaiDate(ctx.now()).slice(5, 7)) - 1) / 3) + 1 });

const pledgeTargetDate = (ctx: PayloadContext) => formatShanghaiDate(new Date(ctx.now().getTime() + 86_400_000));

/** A project of 机关第一党支部 (applied by its secretary, 兼党员) moved by the admin and the secretary to `stage`. */
type ProjectStage = 'applied' | 'returned' | 'approved' | 'started' | 'concluding' | 'accepted';
async function branchProject(ctx: PayloadContext, stage: ProjectStage): Promise<string> {
  const start = formatShanghaiDate(ctx.now());
  const due = formatShanghaiDate(new Date(ctx.now().getTime() + 30 * 86_400_000));
  const { id } = await ctx.as<{ id: string }>(PERSONA.staffMember, 'org', {
    action: 'applyProject', orgId: 'o-b-organ-1', title: '机关党员进社区服务项目', type: 'pilot', background: '机关党员联系社区群众的渠道还不够多', aims: '每名党员每季度参加一次社区服务',
    measures: '建立党员进社区服务清单，按月安排服务', expectedResults: '群众满意度明显提高', startDate: start, milestones: [{ title: '建立服务清单', dueDate: due }], team: ['周敏'], requestId: ctx.requestId('project'),
  });
  const as = (openid: string, action: string, extra: Record<string, unknown> = {}) => ctx.as(openid, 'org', { action, projectId: id, ...extra });
  if (stage === 'applied') return id;
  if (stage === 'returned') return (await as(PERSONA.admin, 'reviewProject', { decision: 'return', reason: '请细化措施' }), id);
  await as(PERSONA.admin, 'reviewProject', { decision: 'approve' });
  if (stage === 'approved') return id;
  await as(PERSONA.staffMember, 'startProject');
  if (stage === 'started') return id;
  await as(PERSONA.staffMember, 'concludeProject', { report: PROJECT_REPORT });
  if (stage === 'concluding') return id;
  await as(PERSONA.admin, 'acceptProject', { scores: PROJECT_SCORES, comment: '目标达成，可以推广' });
  return id;
}
const PROJECT_REPORT = { overview: '项目按计划开展了一年', implementation: '每月组织党员进社区服务', results: '形成了党员服务清单制度', assessment: '建议在全系统推广' };
const PROJECT_SCORES = { goalRate: 90, satisfaction: 88, benefit: 85, replicability: 80 };

/**
 * 五星创评 of 南昌市直机关工委 (its three 机关 branches; 兼党员 is secretary of the first two, 市直机关党总支 above them
 * has no people, so the admin reviews), moved to `stage` for 机关第一党支部. Set-up calls are tolerant: a cell that
 * already moved the branch on leaves later set-up steps nothing to do.
 */
type StarStage = 'opened' | 'submitted' | 'reviewed' | 'publicised' | 'objected';
const STAR_ORG = 'o-u-city-organ';
const STAR_BRANCH = 'o-b-organ-1';
const starScoring = (proposedStars: number) => ({
  deductions: [{ itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '未按期换届' }, { itemKey: 'performance', points: 20, reason: '年度考核排名靠后' }],
  bonus: 0,
  proposedStars,
});
const starSelfAssessment = (ctx: PayloadContext, submit: boolean) => ({
  branchId: STAR_BRANCH, year: yearOf(ctx), ...starScoring(3), domain: '机关事业单位', situation: '支部有党员 12 名', submit,
});
const starReview = (ctx: PayloadContext) => ({
  branchId: STAR_BRANCH, year: yearOf(ctx), decision: 'approve', ...starScoring(3), collectiveDecision: '经党委会议研究同意', problems: '换届不及时', measures: '按期换届',
});
async function starCycle(ctx: PayloadContext, stage: StarStage): Promise<string | null> {
  const call = (openid: string, payload: Record<string, unknown>) => ctx.platform.call<{ id: string }>('org', openid, payload);
  await call(PERSONA.admin, { action: 'openStarCycle', orgId: STAR_ORG, year: yearOf(ctx) });
  if (stage === 'opened') return null;
  await call(PERSONA.staffMember, { action: 'selfAssessStar', ...starSelfAssessment(ctx, true) });
  if (stage === 'submitted') return null;
  await call(PERSONA.admin, { action: 'reviewStar', ...starReview(ctx) });
  if (stage === 'reviewed') return null;
  await call(PERSONA.admin, { action: 'rateStars', orgId: STAR_ORG, year: yearOf(ctx), ratings: [{ branchId: STAR_BRANCH, stars: 3 }] });
  if (stage === 'publicised') return null;
  const objection = await call(PERSONA.resident, { action: 'objectToStar', branchId: STAR_BRANCH, year: yearOf(ctx), reason: '该支部活动开展不经常', requestId: ctx.requestId('objection') });
  return objection.body.ok ? objection.body.data.id : null;
}

/** The reference sheet as an edit (next year's, a draft whatever this year's seed has opened). */
const starSheetEdit = () =>
  REFERENCE_ITEMS.map((item) => ({ key: item.key, scoringPoints: item.scoringPoints, rules: item.rules.map((r) => ({ code: r.code, text: r.text, points: r.points, kind: kindOf(r) })) }));

/** A pending 升级增星 application of 机关第一党支部 (rated 三星) by its secretary: the one made now, or the one still pending. */
async function starUpgradeId(ctx: PayloadContext): Promise<string> {
  await starCycle(ctx, 'publicised');
  const year = yearOf(ctx);
  const applied = await ctx.platform.call<{ id: string }>('org', PERSONA.staffMember, { action: 'applyStarUpgrade', branchId: STAR_BRANCH, year, reason: '评定以来新建党员活动室', evidence: [], requestId: ctx.requestId('upgrade') });
  if (applied.body.ok) return applied.body.data.id;
  const listed = await ctx.platform.call<{ items: { id: string; status: string }[] }>('org', PERSONA.admin, { action: 'branchStarUpgrades', branchId: STAR_BRANCH, year });
  return (listed.body.ok ? listed.body.data.items.find((u) => u.status === 'pending')?.id : undefined) ?? 'missing';
}

async function newBranch(ctx: PayloadContext, name: string): Promise<string> {
  const made = await ctx.as<{ id: string }>(PERSONA.admin, 'org', { action: 'add', type: 'branch', name, parentId: 'o-c-hubin', requestId: ctx.requestId('org') });
  return made.id;
}

/** A pending pledge of `openid`, or of a new member of 机关第一党支部 (whose secretary is 兼党员) when null. */
async function newPledge(ctx: PayloadContext, openid: string | null): Promise<string> {
  let owner = openid;
  if (owner === null) {
    owner = await ctx.newMember();
    await ctx.as(owner, 'user', { action: 'registerMember', ...aMemberProfile({ workUnitId: UNIT, branchId: 'o-b-organ-1', requestId: ctx.requestId('reg') }) });
  }
  const made = await ctx.as<{ id: string }>(owner, 'org', { action: 'createPledge', text: '结对帮扶一户困难家庭', category: '联系群众', targetDate: pledgeTargetDate(ctx), requestId: ctx.requestId('pledge') });
  return made.id;
}

/** One approved pledge of 党员 for the rows about the owner's own pledge: a member makes at most five a year. */
const approvedPledges = new WeakMap<TestPlatform, Promise<string>>();
function membersApprovedPledge(ctx: PayloadContext): Promise<string> {
  let made = approvedPledges.get(ctx.platform);
  if (!made) {
    made = (async () => {
      const id = await newPledge(ctx, PERSONA.member);
      await ctx.as(PERSONA.admin, 'org', { action: 'reviewPledge', pledgeId: id, decision: 'approve' });
      return id;
    })();
    approvedPledges.set(ctx.platform, made);
  }
  return made;
}

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
  'user.workbench': () => ({ communityId: HUBIN.id }),
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
  'user.postLimits': () => ({}),
  'user.setPostLimits': () => ({ ...DEFAULT_DAILY_POST_LIMITS }),
  'user.myData': () => ({}),
  'user.exportMyData': () => ({}),
  'user.withdrawPreview': () => ({}),
  // A wrong confirmation: the seeded personas must stay for the other rows (privacy.test.ts withdraws for real).
  'user.withdraw': () => ({ confirmation: '我要注销' }),
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
  'checkin.activityCode': () => ({ activityId: 'a-seed-policy' }),
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
  'org.children': () => ({ parentId: null }),
  'org.page': () => ({ orgId: 'o-b-organ-1' }),
  'org.members': () => ({ orgId: 'o-b-organ-1' }),
  'org.roster': () => ({ orgId: 'o-b-organ-1' }),
  'org.mine': () => ({}),
  'org.ofCommunity': () => ({ communityId: 'c-donghu-hubin' }),
  'org.orgStars': () => ({ orgId: 'o-b-organ-1' }),
  'org.add': (ctx) => ({ type: 'branch', name: '湖滨社区第二党支部', parentId: 'o-c-hubin', requestId: ctx.requestId('org') }),
  'org.rename': () => ({ orgId: 'o-b-hubin-1', name: '湖滨社区第一党支部' }),
  'org.setPeople': () => ({ orgId: 'o-b-hubin-1', secretaryOpenid: null, contactOpenid: null }),
  'org.move': () => ({ orgId: 'o-b-hubin-1', parentId: 'o-c-hubin' }),
  'org.merge': async (ctx) => {
    const [source, target] = await ctx.fixture(() => Promise.all([newBranch(ctx, '待合并支部'), newBranch(ctx, '合并目标支部')]));
    return { orgId: source, targetId: target };
  },
  'org.remove': async (ctx) => ({ orgId: await ctx.fixture(() => newBranch(ctx, '待删除支部')) }),
  'org.history': () => ({ orgId: 'o-b-organ-1' }),
  'org.migrateBranches': () => ({ dryRun: true }),
  'org.createPledge': (ctx) => ({ text: '每月参加一次社区志愿服务', category: '志愿服务', targetDate: pledgeTargetDate(ctx), requestId: ctx.requestId('pledge') }),
  'org.revisePledge': async (ctx) => {
    const pledgeId = await ctx.fixture(async () => {
      const id = await newPledge(ctx, PERSONA.member);
      await ctx.as(PERSONA.staffMember, 'org', { action: 'reviewPledge', pledgeId: id, decision: 'return', reason: '请写明服务对象' });
      return id;
    });
    return { pledgeId, text: '每月为湖滨社区老人开展一次志愿服务', category: '志愿服务', targetDate: pledgeTargetDate(ctx) };
  },
  'org.myPledges': () => ({}),
  'org.publicPledges': () => ({ orgId: 'o-u-city-organ' }),
  'org.pledgeQueue': () => ({ orgId: 'o-b-organ-1', stage: 'review' }),
  'org.reviewPledge': async (ctx) => ({ pledgeId: await fixtureFor(ctx, () => newPledge(ctx, ctx.caller === PERSONA.staffMember ? PERSONA.staffMember : null)), decision: 'approve' }),
  'org.addPledgeProgress': async (ctx) => ({ pledgeId: await membersApprovedPledge(ctx), text: '本月参加了社区环境整治', photos: [await ctx.photo(ctx.caller)], requestId: ctx.requestId('progress') }),
  'org.pledgeEvidence': async (ctx) => ({ pledgeId: await membersApprovedPledge(ctx) }),
  'org.ratePledge': async (ctx) => {
    const pledgeId = await fixtureFor(ctx, async () => {
      const id = await newPledge(ctx, ctx.caller === PERSONA.staffMember ? PERSONA.staffMember : null);
      await ctx.as(PERSONA.admin, 'org', { action: 'reviewPledge', pledgeId: id, decision: 'approve' });
      return id;
    });
    return { pledgeId, grade: 'fulfilled', comment: '按期完成' };
  },
  'org.unitPledges': (ctx) => ({ unitId: UNIT, year: Number(formatShanghaiDate(ctx.now()).slice(0, 4)) }),
  'org.applyProject': (ctx) => ({
    orgId: 'o-b-organ-1', title: '机关党员进社区服务项目', type: 'pilot', background: '机关党员联系社区群众的渠道还不够多', aims: '每名党员每季度参加一次社区服务', measures: '建立党员进社区服务清单，按月安排服务',
    expectedResults: '群众满意度明显提高', startDate: formatShanghaiDate(ctx.now()), milestones: [{ title: '建立服务清单', dueDate: formatShanghaiDate(new Date(ctx.now().getTime() + 30 * 86_400_000)) }], team: ['周敏'], requestId: ctx.requestId('project'),
  }),
  'org.reviseProject': async (ctx) => ({
    projectId: await ctx.fixture(() => branchProject(ctx, 'returned')), title: '机关党员进社区服务项目', type: 'pilot', background: '机关党员联系社区群众的渠道还不够多', aims: '每名党员每季度参加一次社区服务',
    measures: '建立党员进社区服务清单，按月安排服务，每季度通报', expectedResults: '群众满意度明显提高', startDate: formatShanghaiDate(ctx.now()), milestones: [{ title: '建立服务清单', dueDate: formatShanghaiDate(new Date(ctx.now().getTime() + 30 * 86_400_000)) }], team: ['周敏'],
  }),
  'org.reviewProject': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'applied')), decision: 'approve' }),
  'org.startProject': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'approved')) }),
  'org.addProjectProgress': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'started')), milestoneIndex: 0, text: '服务清单已经起草完成', requestId: ctx.requestId('progress') }),
  'org.dispatchProject': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'started')), text: '本季度推进正常', rectification: '请补充服务照片和台账', requestId: ctx.requestId('dispatch') }),
  'org.concludeProject': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'started')), report: PROJECT_REPORT }),
  'org.acceptProject': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'concluding')), scores: PROJECT_SCORES, comment: '目标达成，可以推广' }),
  'org.promoteProject': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'accepted')) }),
  'org.projectDetail': async (ctx) => ({ projectId: await ctx.fixture(() => branchProject(ctx, 'applied')) }),
  'org.orgProjects': () => ({ orgId: 'o-b-organ-1' }),
  'org.projectDispatchList': () => ({ orgId: 'o-g-city-organ' }),
  'org.publicProjects': () => ({ orgId: 'o-u-city-organ' }),
  'org.acceptedProjects': (ctx) => ({ orgId: 'o-b-organ-1', year: yearOf(ctx) }),
  'org.openStarCycle': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) }),
  'org.starReport': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx), half: halfOf(ctx.now()).half }),
  // The 报送 is the rating organisation's own act: 街道工作人员 is made its 党组织工作人员 for this row.
  'org.reportStarStatistics': async (ctx) => {
    await ctx.fixture(async () => {
      await starCycle(ctx, 'opened');
      await ctx.platform.call('user', PERSONA.admin, { action: 'grantRole', openid: PERSONA.streetStaff, role: 'org_staff', scopeType: 'organisation', scopeId: STAR_ORG });
      return null;
    });
    return { orgId: STAR_ORG, year: yearOf(ctx), half: halfOf(ctx.now()).half, requestId: ctx.requestId('star-report') };
  },
  'org.starReports': (ctx) => ({ year: yearOf(ctx), half: halfOf(ctx.now()).half }),
  'org.myStarWork': (ctx) => ({ year: yearOf(ctx) }),
  'org.starAssessment': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'opened')), { branchId: STAR_BRANCH, year: yearOf(ctx) }),
  // Saved as a draft, so each cell finds the branch still at 自评.
  'org.selfAssessStar': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'opened')), starSelfAssessment(ctx, false)),
  // 兼党员 is the branch's secretary: their own branch.
  'org.reviewStar': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'submitted')), starReview(ctx)),
  'org.starOverview': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) }),
  'org.rateStars': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'reviewed')), { orgId: STAR_ORG, year: yearOf(ctx), ratings: [{ branchId: STAR_BRANCH, stars: 3 }] }),
  'org.publicStars': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) }),
  'org.objectToStar': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'publicised')), { branchId: STAR_BRANCH, year: yearOf(ctx), reason: '该支部活动开展不经常', requestId: ctx.requestId('objection') }),
  'org.starObjections': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) }),
  'org.answerStarObjection': async (ctx) => ({ objectionId: (await ctx.fixture(() => starCycle(ctx, 'objected'))) ?? 'missing', outcome: 'dismissed', reply: '经核实，该支部活动正常开展' }),
  'org.starTable': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx), table: 'statistics' }),
  'org.downgradeStar': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'publicised')), { branchId: STAR_BRANCH, year: yearOf(ctx), stars: 2, code: 'mass-petition', reason: '近期发生严重群访事件' }),
  'org.exportStarTable': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'opened')), { orgId: STAR_ORG, year: yearOf(ctx), table: 'statistics' }),
  'org.starSheet': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) + 1 }),
  'org.saveStarSheet': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) + 1, items: starSheetEdit() }),
  'org.applyStarUpgrade': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'publicised')), { branchId: STAR_BRANCH, year: yearOf(ctx), reason: '评定以来新建党员活动室', evidence: [], requestId: ctx.requestId('upgrade') }),
  // 兼党员 is the branch's secretary and made the application: their own.
  'org.decideStarUpgrade': async (ctx) => ({ upgradeId: await ctx.fixture(() => starUpgradeId(ctx)), decision: 'refuse', reason: '佐证材料不足' }),
  'org.starUpgrades': (ctx) => ({ orgId: STAR_ORG, year: yearOf(ctx) }),
  'org.branchStarUpgrades': async (ctx) => (await ctx.fixture(() => starCycle(ctx, 'opened')), { branchId: STAR_BRANCH, year: yearOf(ctx) }),
  'ledger.unitMembers': (ctx) => ({ unitId: UNIT, year: yearOf(ctx) }),
  'ledger.checkinLedger': (ctx) => ({ communityId: HUBIN.id, from: `${yearOf(ctx)}-01-01`, to: formatShanghaiDate(ctx.now()) }),
  'ledger.ledgerTable': (ctx) => ({ table: 'wishLedger', communityId: HUBIN.id, from: `${yearOf(ctx)}-01-01`, to: formatShanghaiDate(ctx.now()) }),
  'ledger.opinionForm': (ctx) => ({ communityId: HUBIN.id, year: yearOf(ctx) }),
  // 兼党员 has a confirmed 报到 at 湖滨社区 (seed); as the caller it is about themselves.
  'ledger.giveOpinion': (ctx) => ({ communityId: HUBIN.id, memberOpenid: STAFF_MEMBER, year: yearOf(ctx), grade: 'basic', comment: '参加社区服务' }),
  'ledger.myOpinions': () => ({}),
  'ledger.appealOpinion': async (ctx) => ({
    opinionId: await ctx.fixture(
      async () =>
        (await ctx.as<{ id: string }>(PERSONA.staff, 'ledger', { action: 'giveOpinion', communityId: HUBIN.id, memberOpenid: STAFF_MEMBER, year: yearOf(ctx), grade: 'basic', comment: '参加社区服务' })).id,
    ),
    text: '我还参加了家访',
  }),
  'ledger.export': (ctx) => ({ table: 'checkinLedger', communityId: HUBIN.id, from: `${yearOf(ctx)}-01-01`, to: formatShanghaiDate(ctx.now()) }),
  'ledger.quarterly': (ctx) => ({ scopeType: 'unit', scopeId: UNIT, ...quarterOfNow(ctx) }),
  'ledger.submitQuarterly': (ctx) => ({ unitId: UNIT, ...quarterOfNow(ctx), requestId: ctx.requestId('submit') }),
  'ledger.submissions': (ctx) => quarterOfNow(ctx),
  'ledger.dashboard': (ctx) => {
    const month = formatShanghaiDate(ctx.now()).slice(0, 7);
    return { from: month, to: month, streetId: HUBIN.streetId };
  },
};
