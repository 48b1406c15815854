import tcb from '@cloudbase/node-sdk';
import { checkinValidUntil } from '../../src/domain/checkin-term';
import { publicityEndsAt } from '../../src/domain/notice-publicity';
import { answerQuestion, newQuestion, rateQuestion } from '../../src/domain/question-machine';
import { migrateBranches } from './branch-migration';
import { pathUnder, type OrgType } from '../../src/domain/organisation';
import { PERSONAS } from './personas';
import { seedStars } from './star-seed';

/**
 * Demo data for `npm start`, written through the real SDK when the database is empty. Communities are in
 * 南昌 with points near their neighbourhood centres (GCJ-02, as WeChat maps give them) and 500 m fences.
 */
export const SEED_COMMUNITIES = [
  { _id: 'c-donghu-hubin', name: '湖滨社区', district: '东湖区', street: '百花洲街道', streetId: 'st-baihuazhou', address: '南昌市东湖区八一大道与中山路交叉口东', latitude: 28.6812, longitude: 115.9012, radius: 500 },
  { _id: 'c-xihu-chaoyang', name: '朝阳新城社区', district: '西湖区', street: '朝阳洲街道', streetId: 'st-chaoyangzhou', address: '南昌市西湖区朝阳中路', latitude: 28.6523, longitude: 115.8724, radius: 500 },
  { _id: 'c-honggutan-shajing', name: '沙井社区', district: '红谷滩区', street: '沙井街道', streetId: 'st-shajing', address: '南昌市红谷滩区沙井路', latitude: 28.6972, longitude: 115.8474, radius: 800 },
] as const;

export const SEED_UNITS = [
  { _id: 'u-city-organ', name: '南昌市直机关工委' },
  { _id: 'u-power-supply', name: '国网南昌供电公司' },
];

const HOME = SEED_COMMUNITIES[0];

/**
 * The party organisation tree of the demo: two streets with their communities' organisations and branches, and the
 * two units with their 党总支 and branches. 周敏 (demo-staff-member) is secretary of both 机关 branches, so the
 * demo shows that nobody approves their own pledge.
 */
export const SEED_ORGS: { _id: string; type: OrgType; name: string; parentId: string | null; communityId?: string; unitId?: string; secretary?: string; contact?: string }[] = [
  { _id: 'o-st-baihuazhou', type: 'street_committee', name: '百花洲街道党工委', parentId: null },
  { _id: 'o-c-hubin', type: 'community_org', name: '湖滨社区党委', parentId: 'o-st-baihuazhou', communityId: 'c-donghu-hubin' },
  { _id: 'o-b-hubin-1', type: 'branch', name: '湖滨社区第一党支部', parentId: 'o-c-hubin', communityId: 'c-donghu-hubin' },
  { _id: 'o-st-chaoyangzhou', type: 'street_committee', name: '朝阳洲街道党工委', parentId: null },
  { _id: 'o-c-chaoyang', type: 'community_org', name: '朝阳新城社区党委', parentId: 'o-st-chaoyangzhou', communityId: 'c-xihu-chaoyang' },
  { _id: 'o-b-chaoyang-1', type: 'branch', name: '朝阳新城社区第一党支部', parentId: 'o-c-chaoyang', communityId: 'c-xihu-chaoyang' },
  { _id: 'o-u-city-organ', type: 'unit_committee', name: '南昌市直机关工委', parentId: null, unitId: 'u-city-organ' },
  { _id: 'o-g-city-organ', type: 'general_branch', name: '市直机关党总支', parentId: 'o-u-city-organ', unitId: 'u-city-organ' },
  { _id: 'o-b-organ-1', type: 'branch', name: '机关第一党支部', parentId: 'o-g-city-organ', unitId: 'u-city-organ', secretary: 'demo-staff-member', contact: 'demo-staff-member' },
  { _id: 'o-b-organ-2', type: 'branch', name: '机关第二党支部', parentId: 'o-g-city-organ', unitId: 'u-city-organ', secretary: 'demo-staff-member' },
  { _id: 'o-b-organ-3', type: 'branch', name: '机关第三党支部', parentId: 'o-g-city-organ', unitId: 'u-city-organ' },
  { _id: 'o-u-power', type: 'unit_committee', name: '国网南昌供电公司党委', parentId: null, unitId: 'u-power-supply' },
  { _id: 'o-b-power-1', type: 'branch', name: '供电第一党支部', parentId: 'o-u-power', unitId: 'u-power-supply' },
];

const SEED_PEOPLE_NAMES: Record<string, string> = { 'demo-staff-member': '周敏', 'demo-member': '李建国' };

async function seedOrganisations(db: ReturnType<ReturnType<typeof tcb.init>['database']>, now: Date): Promise<void> {
  const byId = new Map<string, { _id: string; ancestors: string[]; name: string }>();
  for (const o of SEED_ORGS) {
    const parent = o.parentId ? (byId.get(o.parentId) ?? null) : null;
    const node = {
      _id: o._id, type: o.type, name: o.name, parentId: o.parentId, parentName: parent?.name ?? null, ancestors: pathUnder(parent), status: 'active', mergedInto: null,
      secretaryOpenid: o.secretary ?? null, secretaryName: o.secretary ? SEED_PEOPLE_NAMES[o.secretary] : null,
      contactOpenid: o.contact ?? null, contactName: o.contact ? SEED_PEOPLE_NAMES[o.contact] : null,
      communityId: o.communityId ?? null, unitId: o.unitId ?? null, createdAt: now, updatedAt: now,
    };
    byId.set(o._id, node);
    await db.collection('organisations').add(node);
  }
}

export async function seedIfEmpty(options: { serviceUrl: string; envId: string; secretId: string; secretKey: string }): Promise<boolean> {
  const app = tcb.init({ env: options.envId, serviceUrl: options.serviceUrl, secretId: options.secretId, secretKey: options.secretKey });
  const db = app.database();
  const { total } = (await db.collection('communities').count()) as { total: number };
  if (total > 0) return false;

  const now = new Date();
  for (const c of SEED_COMMUNITIES) await db.collection('communities').add({ ...c, createdAt: now });
  for (const u of SEED_UNITS) await db.collection('units').add({ ...u, createdAt: now });

  const grantsFor: Record<string, object[]> = {
    'demo-community-staff': [{ role: 'community_staff', scopeType: 'community', scopeId: HOME._id, scopeName: HOME.name }],
    'demo-league-staff': [{ role: 'league_staff', scopeType: 'street', scopeId: HOME.streetId, scopeName: HOME.street }],
    'demo-unit-admin': [{ role: 'unit_admin', scopeType: 'unit', scopeId: SEED_UNITS[0]._id, scopeName: SEED_UNITS[0].name }],
    'demo-admin': [{ role: 'admin', scopeType: 'global', scopeId: 'global', scopeName: '全局' }],
    'demo-street-staff': [{ role: 'community_staff', scopeType: 'street', scopeId: HOME.streetId, scopeName: HOME.street }],
    'demo-other-community-staff': [{ role: 'community_staff', scopeType: 'community', scopeId: SEED_COMMUNITIES[1]._id, scopeName: SEED_COMMUNITIES[1].name }],
    'demo-staff-member': [{ role: 'community_staff', scopeType: 'community', scopeId: HOME._id, scopeName: HOME.name }],
    'demo-league-helper': [{ role: 'league_staff', scopeType: 'street', scopeId: HOME.streetId, scopeName: HOME.street }],
  };
  /** Registered 在职党员 among the personas: the member, and the two who also hold a staff role. */
  const memberProfiles: Record<string, object> = {
    'demo-member': { name: '李建国', phone: '13907911234', workUnitId: SEED_UNITS[0]._id, workUnitName: SEED_UNITS[0].name, partyBranch: '机关第一党支部', skills: ['政策宣讲', '法律咨询'] },
    'demo-staff-member': { name: '周敏', phone: '13907915678', workUnitId: SEED_UNITS[0]._id, workUnitName: SEED_UNITS[0].name, partyBranch: '机关第二党支部', skills: ['社区服务'] },
    'demo-league-helper': { name: '吴青', phone: '13907919012', workUnitId: SEED_UNITS[1]._id, workUnitName: SEED_UNITS[1].name, partyBranch: '供电第一党支部', skills: ['助学辅导'] },
  };
  for (const p of PERSONAS) {
    if (p.role === 'new_member') continue;
    const profile = memberProfiles[p.openid];
    const member = profile ? { ...profile, registeredAt: now, updatedAt: now } : null;
    const communityId = p.openid === 'demo-other-community-staff' ? SEED_COMMUNITIES[1]._id : HOME._id;
    await db.collection('users').add({ _id: p.openid, openid: p.openid, communityId, member, grants: grantsFor[p.openid] ?? [], createdAt: now });
  }
  await seedOrganisations(db, now);
  // The members' free-text 党支部 go through the same migration a deployment runs; the demo data matches fully.
  const migration = await migrateBranches(db);
  if (migration.unmatched.length > 0) throw new Error(`seed: unmatched branches ${migration.unmatched.map((u) => u.name).join(', ')}`);
  await seedStaffMemberCheckin(db, now);
  await seedNoticesAndAnswers(db, now);
  await seedWishes(db, now);
  await seedActivities(db, now);
  await seedProject(db, now);
  await seedStars(db, now);
  return true;
}

/**
 * Two 党建项目 of 机关第二党支部 (secretary 周敏), so their pages have something to show in the demo: one running, and
 * one the level above returned with its reason, which 周敏 may correct and 重新申报.
 */
async function seedProject(db: ReturnType<ReturnType<typeof tcb.init>['database']>, now: Date): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const milestones = [
    { title: '建立服务清单', dueDate: day(-20), doneAt: day(-25) },
    { title: '完成首轮进社区服务', dueDate: day(-2), doneAt: null },
    { title: '总结推广', dueDate: day(60), doneAt: null },
  ];
  await db.collection('projects').add({
    _id: 'pj-seed-1', organisationId: 'o-b-organ-2', organisationName: '机关第二党支部', ancestors: ['o-u-city-organ', 'o-g-city-organ'],
    title: '机关党员进社区服务清单', type: 'pilot', background: '机关党员联系社区群众的渠道还不够多，服务项目零散', aims: '每名党员每季度至少参加一次社区服务',
    measures: '建立党员进社区服务清单，按月安排服务，每季度通报', expectedResults: '群众满意度明显提高，形成可复制的清单制度', startDate: day(-40), milestones, team: ['周敏', '李建国'],
    status: 'started', number: 'DJ2025-001', appliedBy: 'demo-staff-member', appliedByName: '周敏', returnReason: null, approvedBy: 'demo-admin', report: null, evaluation: null, promotedTo: null,
    nextDueDate: day(-2), remindedDue: null, lastDispatchQuarter: null, createdAt: now, updatedAt: now,
  });
  const returnedMilestones = [
    { title: '调查党员和群众议事需求', dueDate: day(30), doneAt: null },
    { title: '建成楼栋议事点', dueDate: day(90), doneAt: null },
  ];
  const returnedAt = new Date(now.getTime() - 86_400_000);
  await db.collection('projects').add({
    _id: 'pj-seed-returned', organisationId: 'o-b-organ-2', organisationName: '机关第二党支部', ancestors: ['o-u-city-organ', 'o-g-city-organ'],
    title: '楼栋党员议事点', type: 'pilot', background: '老旧小区楼栋事务多，居民议事缺少固定的地方', aims: '每栋楼有党员牵头的议事点',
    measures: '在职党员认领楼栋，每月召集一次楼栋议事', expectedResults: '楼栋问题就地议、就地办', startDate: day(10), milestones: returnedMilestones, team: ['周敏'],
    status: 'returned', number: null, appliedBy: 'demo-staff-member', appliedByName: '周敏', returnReason: '预期成果不够具体，请写明可量化的目标后重新申报',
    approvedBy: null, report: null, evaluation: null, promotedTo: null,
    nextDueDate: day(30), remindedDue: null, lastDispatchQuarter: null, createdAt: returnedAt, updatedAt: returnedAt,
  });
}

/** The staff member who is also a member has reported to their own community; a colleague confirmed it. */
async function seedStaffMemberCheckin(db: ReturnType<ReturnType<typeof tcb.init>['database']>, now: Date): Promise<void> {
  const reportedAt = new Date(now.getTime() - 30 * 86_400_000);
  await db.collection('checkins').add({
    _id: 'demo-staff-member', openid: 'demo-staff-member', communityId: HOME._id, communityName: HOME.name,
    memberName: '周敏', workUnitId: SEED_UNITS[0]._id, workUnitName: SEED_UNITS[0].name, partyBranch: '机关第二党支部',
    status: 'confirmed', reportedAt, validUntil: checkinValidUntil(reportedAt), distance: 35, accuracy: 20,
    point: { latitude: 28.681, longitude: 115.901 }, reviewedBy: 'demo-community-staff', reviewedByName: '湖滨社区工作人员',
    reviewedAt: reportedAt, rejectReason: null, version: 1,
  });
}

/** 湖滨社区's public face on first start: two notices and two answered, rated 问政 questions. */
async function seedNoticesAndAnswers(db: ReturnType<ReturnType<typeof tcb.init>['database']>, now: Date): Promise<void> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const notices = [
    { _id: 'n-seed-1', category: '通知公告' as const, title: '关于开展秋季环境卫生整治的通知', body: '本周六上午 9:00 在社区广场集合，开展环境卫生整治志愿活动，欢迎居民和在职党员参加。', pinned: true, at: daysAgo(2) },
    { _id: 'n-seed-2', category: '党务公开' as const, title: '湖滨社区党委第三季度党费收缴情况公开', body: '第三季度应缴党员 86 名，实缴 86 名，收缴情况已报街道党工委备案。', pinned: false, at: daysAgo(5) },
  ];
  for (const n of notices) {
    await db.collection('notices').add({
      _id: n._id, version: 1, communityId: HOME._id, communityName: HOME.name, category: n.category, title: n.title, body: n.body, pinned: n.pinned,
      publicityDays: 7, publishedAt: n.at, publicityEndsAt: publicityEndsAt(n.category, n.at), authorOpenid: 'demo-community-staff', editedAt: null, history: [],
    });
  }
  const community = { id: HOME._id, name: HOME.name, streetId: HOME.streetId, streetName: HOME.street };
  const answered = [
    { _id: 'q-seed-1', title: '小区门口路灯不亮', content: '八一大道小区 3 栋门口路灯坏了一周，晚上出行不安全。', category: '社区治理' as const, answer: '已联系市政照明所，路灯已于次日修复。', rating: '满意' as const, askerName: '王芳' },
    { _id: 'q-seed-2', title: '长者食堂开放时间', content: '请问社区长者食堂每天几点开放，周末是否营业？', category: '办事指南' as const, answer: '长者食堂每天 11:00–13:00 开放，周末照常营业。', rating: '基本满意' as const, askerName: '刘建华' },
  ];
  for (const [i, q] of answered.entries()) {
    const asked = newQuestion({ title: q.title, content: q.content, category: q.category, photos: [], isPublic: true }, { askerOpenid: 'demo-member', askerName: q.askerName, community, needsReview: false, now: daysAgo(10 + i) });
    const done = rateQuestion(answerQuestion(asked, { text: q.answer, photos: [], org: HOME.name }, daysAgo(9 + i)), q.rating, undefined, daysAgo(8 + i));
    await db.collection('questions').add({ _id: q._id, ...done });
  }
}

/** 湖滨社区's wish wall on first start: three open wishes posted by staff on behalf, each with its entries. */
async function seedWishes(db: ReturnType<ReturnType<typeof tcb.init>['database']>, now: Date): Promise<void> {
  const wishes = [
    { _id: 'w-seed-1', title: '想要一套课外读物', story: '留守儿童小宇今年上四年级，爱看书，家里没有课外书，希望有一套适合他的课外读物。', category: '学习用品', beneficiaryType: '留守儿童', value: 150, name: '陈小宇', phone: '13970001111' },
    { _id: 'w-seed-2', title: '冬天需要一床厚棉被', story: '独居老人刘奶奶家的被子用了十多年，冬天很冷，希望有一床厚实的棉被。', category: '生活物资', beneficiaryType: '空巢老人', value: 300, name: '刘桂英', phone: '13970002222' },
    { _id: 'w-seed-3', title: '希望有人陪聊天', story: '王爷爷行动不便，子女在外地工作，希望每周有人上门陪他聊聊天、读读报。', category: '情感陪伴', beneficiaryType: '残障人士', value: 50, name: '王德明', phone: '13970003333' },
  ];
  for (const [i, w] of wishes.entries()) {
    const at = new Date(now.getTime() - (i + 1) * 3_600_000);
    const by = { byOpenid: 'demo-community-staff', at };
    await db.collection('wishes').add({
      _id: w._id, title: w.title, story: w.story, category: w.category, beneficiaryType: w.beneficiaryType, value: w.value, photos: [],
      communityId: HOME._id, communityName: HOME.name, streetId: HOME.streetId, posterOpenid: 'demo-community-staff', onBehalf: true,
      beneficiary: { name: w.name, phone: w.phone }, status: 'published', version: 0, publishAt: at, createdAt: at, closedAt: null,
      contentFlag: null, rejectReason: null, campaign: null, claim: null, proposal: null, delivery: null,
      ledger: { posted: 1, claimed: 0, closed: 0, closedOnTime: 0 },
      history: [
        { event: 'post', from: null, to: 'submitted', byLabel: '社区工作人员代发', ...by },
        { event: 'approve', from: 'submitted', to: 'published', byLabel: '社区工作人员', ...by },
      ],
    });
  }
}

/** 湖滨社区's service activities on first start: one open for check-in today, one next week (times on the hour, Shanghai). */
async function seedActivities(db: ReturnType<ReturnType<typeof tcb.init>['database']>, now: Date): Promise<void> {
  const hour = 3_600_000;
  const startOfHour = new Date(Math.floor(now.getTime() / hour) * hour);
  const activities = [
    { _id: 'a-seed-policy', title: '党的政策进社区宣讲', type: 'policy_talk', startAt: new Date(startOfHour.getTime() + hour), endAt: new Date(startOfHour.getTime() + 3 * hour), capacity: 30, content: '在社区党群服务中心宣讲惠民政策，解答居民疑问。' },
    { _id: 'a-seed-visit', title: '走访慰问独居老人', type: 'home_visit', startAt: new Date(startOfHour.getTime() + 7 * 24 * hour), endAt: new Date(startOfHour.getTime() + 7 * 24 * hour + 2 * hour), capacity: 10, content: '两人一组上门走访，了解生活困难并登记需求。' },
  ];
  for (const a of activities) {
    await db.collection('activities').add({
      ...a, communityId: HOME._id, communityName: HOME.name, place: HOME.address, latitude: HOME.latitude, longitude: HOME.longitude, radius: HOME.radius,
      signedUp: 0, contact: '湖滨社区党委', status: 'published', publishedBy: 'demo-community-staff', createdAt: now,
    });
  }
}
