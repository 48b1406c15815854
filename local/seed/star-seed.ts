import type tcb from '@cloudbase/node-sdk';
import { shanghaiYear } from '../../src/domain/shanghai-time';
import { publicityEndsAt } from '../../src/domain/star-cycle';
import { referenceSheet, scoreOf, type Stars } from '../../src/domain/star-rating';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

const ORG = { _id: 'o-u-city-organ', name: '南昌市直机关工委' };
const REVIEW_ORG = 'o-g-city-organ';

/**
 * This year's 五星创评 of 南昌市直机关工委, so every stars page has something to show in the demo: 机关第一党支部
 * (secretary 周敏) is at 自评, 机关第三党支部 has submitted and waits for 审核 (the level above has no people, so the
 * admin), and 机关第二党支部 (also 周敏's) is rated 二星 and on 公示 with one objection, answered. Only 二星 is used: of three branches none may be
 * 四星 or 五星 and one may be 三星, which leaves 三星 free for 机关第一党支部 when the demo (or a test) rates it.
 */
export async function seedStars(db: Db, now: Date): Promise<void> {
  const year = shanghaiYear(now);
  const sheet = referenceSheet(year);
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000);
  const cycleId = `sc-${ORG._id}-${year}`;
  await db.collection('star_cycles').add({
    _id: cycleId, ratingOrgId: ORG._id, ratingOrgName: ORG.name, ratingOrgAncestors: [], year, sheet, sheetStatus: 'frozen', openedBy: 'demo-admin', openedAt: day(-20),
  });

  const weak = [
    { itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '支部委员会任期届满未按期换届' },
    { itemKey: 'venue', ruleCode: 'no-facilities', points: 5, reason: '活动室缺少电教设备' },
    { itemKey: 'rules', ruleCode: 'three-meetings', points: 2, reason: '第二季度党课未按期开展' },
    { itemKey: 'support', ruleCode: 'short-funds', points: 3, reason: '经费不能满足正常工作需要' },
    { itemKey: 'performance', ruleCode: 'low-ranking', points: 10, reason: '年度党建考核排名靠后' },
    { itemKey: 'satisfaction', ruleCode: 'complaints', points: 10, reason: '群众投诉较多，经核实属实' },
  ];
  const good = [
    { itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '支部委员会任期届满未按期换届' },
    { itemKey: 'rules', ruleCode: 'openness', points: 2, reason: '党务公开栏更新不及时' },
    { itemKey: 'performance', ruleCode: 'low-ranking', points: 10, reason: '年度党建考核排名中等偏后' },
  ];
  const scoring = (deductions: typeof weak, proposedStars: Stars, by: { openid: string; name: string }, at: Date) => ({
    deductions, bonus: 0, proposedStars, starReason: '', score: scoreOf(sheet, { deductions, bonus: 0 }), recognised: false, byOpenid: by.openid, byName: by.name, at,
  });
  const zhou = { openid: 'demo-staff-member', name: '周敏' };
  const admin = { openid: 'demo-admin', name: '市直机关工委组织部' };
  const ratedAt = day(-1);
  const base = (branchId: string, branchName: string) => ({
    _id: `sa-${year}-${branchId}`, cycleId, ratingOrgId: ORG._id, year, branchId, branchName, reviewOrgId: REVIEW_ORG, domain: '机关事业单位',
    returnReason: null, stars: null, starReason: null, ratedBy: null, ratedAt: null, publicityEndsAt: null,
  });
  const opened = { at: day(-20), byOpenid: admin.openid, step: 'open', from: 'self_assessing', to: 'self_assessing', note: '' };
  await db.collection('star_assessments').add({ ...base('o-b-organ-1', '机关第一党支部'), status: 'self_assessing', self: null, review: null, history: [opened] });
  await db.collection('star_assessments').add({
    ...base('o-b-organ-3', '机关第三党支部'), status: 'submitted',
    self: { ...scoring(good, 4, { openid: 'seed-organ-3-secretary', name: '机关第三党支部书记' }, day(-3)), situation: '支部有党员 15 名，按期开展“三会一课”和主题党日', evidence: [] },
    review: null,
    history: [opened, { at: day(-3), byOpenid: 'seed-organ-3-secretary', step: 'submit', from: 'self_assessing', to: 'submitted', note: '' }],
  });
  await db.collection('star_assessments').add({
    ...base('o-b-organ-2', '机关第二党支部'), status: 'publicised', stars: 2, starReason: '', ratedBy: admin.openid, ratedAt, publicityEndsAt: publicityEndsAt(ratedAt),
    self: { ...scoring(weak, 2, zhou, day(-10)), situation: '支部有党员 12 名，结对湖滨社区开展服务', evidence: [] },
    review: {
      ...scoring(weak, 2, admin, day(-5)), downgrades: [], collectiveDecision: '经市直机关党总支委员会集体研究，同意评为二星',
      problems: '换届不及时，阵地设施不足，群众投诉较多', measures: '年内完成换届，补齐活动室设备，建立投诉回访制度',
    },
    history: [
      opened,
      { at: day(-10), byOpenid: zhou.openid, step: 'submit', from: 'self_assessing', to: 'submitted', note: '' },
      { at: day(-5), byOpenid: admin.openid, step: 'review', from: 'submitted', to: 'reviewed', note: '经市直机关党总支委员会集体研究，同意评为二星' },
      { at: ratedAt, byOpenid: admin.openid, step: 'rate', from: 'reviewed', to: 'publicised', note: '二星' },
      { at: day(-1), byOpenid: 'demo-resident', step: 'object', from: 'publicised', to: 'objected', note: '' },
      { at: now, byOpenid: admin.openid, step: 'dismiss', from: 'objected', to: 'publicised', note: OBJECTION_REPLY },
    ],
  });
  // One objection, answered: the 公示 shows it masked with the reply, the rating page lists it with the name.
  await db.collection('star_objections').add({
    _id: 'so-seed-1', ratingOrgId: ORG._id, year, branchId: 'o-b-organ-2', branchName: '机关第二党支部', objectorOpenid: 'demo-resident', objectorName: '王芳',
    reason: '该支部结对服务开展较多，评为二星偏低', requestId: 'seed-objection-1', at: day(-1), outcome: 'dismissed', reply: OBJECTION_REPLY, answeredBy: admin.openid, answeredAt: now,
  });
}

const OBJECTION_REPLY = '经核实，该支部换届不及时、群众投诉较多，审核得分 65 分，按规定评为二星，维持评定结果';
