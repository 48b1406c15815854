import { checkinStanding, CHECKIN_STANDING_LABELS } from '../../../src/domain/checkin-term';
import {
  allowedGrades,
  assertGradeAllowed,
  assertOpinionYear,
  confirmedInYear,
  OPINION_GRADE_LABELS,
  reportedInYear,
  type CheckinTerm,
} from '../../../src/domain/community-opinion';
import { conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { canAppealOpinion, canGiveOpinion, canReadOpinionForm } from '../../../src/domain/ledger.policy';
import { ledgerViewActions, type OpinionCandidate, type OpinionView } from '../../../src/domain/ledger-views.schema';
import { isSignedIn } from '../../../src/domain/policy';
import { yearKey } from '../../../src/domain/service-record';
import { formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { listCheckinsInCommunity } from '../../_shared/repositories/ledger-reads.repository';
import { addAppeal, checkinTermsOf, findOpinion, listOpinionsOf, listOpinionsOfCommunity, opinionIdOf, saveOpinion, type OpinionRecord } from '../../_shared/repositories/opinion.repository';
import { findSummaries } from '../../_shared/repositories/service-log.repository';

/** 评先评优听取社区意见: the staff form, the opinion, the member's own view and their one 申辩. */

const toView = (o: OpinionRecord): OpinionView => ({
  id: o._id,
  year: o.year,
  communityName: o.communityName,
  memberName: o.memberName,
  grade: o.grade,
  gradeLabel: OPINION_GRADE_LABELS[o.grade],
  comment: o.comment,
  ratedAt: formatShanghaiMinute(o.ratedAt),
  appeal: o.appeal ? { text: o.appeal.text, at: formatShanghaiMinute(o.appeal.at) } : null,
});

/** The members reported in to the community now, each with their record there and the year's opinion (3 reads). */
export const opinionForm = defineAction({
  schema: ledgerViewActions.opinionForm,
  access: 'user',
  authorize: canReadOpinionForm,
  async handler(input, ctx): Promise<{ communityName: string; year: number; items: OpinionCandidate[] }> {
    const now = ctx.now();
    assertOpinionYear(input.year, now);
    const [community, checkins, opinions] = await Promise.all([
      findCommunity(input.communityId),
      listCheckinsInCommunity(input.communityId),
      listOpinionsOfCommunity(input.communityId, input.year),
    ]);
    if (!community) throw notFound('社区不存在');
    const summaries = new Map((await findSummaries(checkins.map((c) => c.openid))).map((s) => [s._id, s]));
    const byMember = new Map(opinions.map((o) => [o.openid, o]));
    const items = checkins.map((c): OpinionCandidate => {
      const term: CheckinTerm = { communityId: c.communityId, confirmed: c.status === 'confirmed', reportedAt: c.reportedAt, validUntil: c.validUntil };
      const confirmed = confirmedInYear([term], input.communityId, input.year);
      const totals = summaries.get(c.openid)?.years?.[yearKey(input.year)];
      const standing = checkinStanding(c, now);
      const opinion = byMember.get(c.openid);
      return {
        memberOpenid: c.openid,
        name: c.memberName,
        workUnitName: c.workUnitName,
        standing,
        standingLabel: CHECKIN_STANDING_LABELS[standing],
        confirmedInYear: confirmed,
        hoursThisYear: Math.round((totals?.hours ?? 0) * 10) / 10,
        activitiesThisYear: totals?.activities ?? 0,
        allowedGrades: allowedGrades(confirmed),
        opinion: opinion ? toView(opinion) : null,
        isSelf: c.openid === ctx.openid,
      };
    });
    return { communityName: community.name, year: input.year, items };
  },
});

/** Staff give (or revise) the year's opinion on a member who reported in to their community. */
export const giveOpinion = defineAction({
  schema: ledgerViewActions.giveOpinion,
  access: 'user',
  async load(input) {
    const [member, community] = await Promise.all([checkinTermsOf(input.memberOpenid), findCommunity(input.communityId)]);
    if (!community) throw notFound('社区不存在');
    if (!member.user?.member) throw notFound('没有找到该党员');
    return { ...member, member: member.user.member, community };
  },
  authorize: canGiveOpinion,
  async handler(input, ctx, { member, terms, community }): Promise<OpinionView> {
    const now = ctx.now();
    assertOpinionYear(input.year, now);
    if (!reportedInYear(terms, input.communityId, input.year)) throw failedPrecondition(`该党员 ${input.year} 年没有到本社区报到，不能提出意见`);
    assertGradeAllowed(input.grade, confirmedInYear(terms, input.communityId, input.year));
    const record = {
      _id: opinionIdOf(input.communityId, input.year, input.memberOpenid),
      communityId: input.communityId,
      communityName: community.name,
      year: input.year,
      openid: input.memberOpenid,
      memberName: member.name,
      workUnitId: member.workUnitId,
      workUnitName: member.workUnitName,
      grade: input.grade,
      comment: input.comment,
      ratedBy: ctx.openid,
      ratedByName: (await ctx.user())?.member?.name ?? '社区工作人员',
      ratedAt: now,
    };
    await saveOpinion(record);
    const saved = await findOpinion(record._id);
    return toView(saved ?? { ...record, appeal: null });
  },
});

/** 我的: the community's opinions about me, newest year first. */
export const myOpinions = defineAction({
  schema: ledgerViewActions.myOpinions,
  access: 'user',
  authorize: isSignedIn,
  async handler(_input, ctx): Promise<{ items: OpinionView[] }> {
    return { items: (await listOpinionsOf([ctx.openid])).map(toView) };
  },
});

/** The member's one 申辩, which the community reads beside the opinion. */
export const appealOpinion = defineAction({
  schema: ledgerViewActions.appealOpinion,
  access: 'user',
  async load(input) {
    const opinion = await findOpinion(input.opinionId);
    if (!opinion) throw notFound('没有找到该意见');
    return opinion;
  },
  authorize: canAppealOpinion,
  async handler(input, ctx, opinion): Promise<OpinionView> {
    const at = ctx.now();
    if (!(await addAppeal(opinion._id, input.text, at))) throw conflict('已经提出过申辩，每条意见只能申辩一次');
    return toView({ ...opinion, appeal: { text: input.text, at } });
  },
});
