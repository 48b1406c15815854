import { notFound } from '../../../src/domain/errors';
import { figuresFrom, periodBounds } from '../../../src/domain/question-figures';
import { qaActions, type PublicQuestion, type QaFigures } from '../../../src/domain/question.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { countFigures, listPublicOfCommunity } from '../../_shared/repositories/question.repository';
import { toPublicQuestion } from '../question-view';

/** Public: a community's answered public questions, askers masked. Two round trips: the community and the list. */
export const publicList = defineAction({
  schema: qaActions.publicList,
  access: 'public',
  async handler(input): Promise<{ community: { id: string; name: string }; items: PublicQuestion[] }> {
    const [community, questions] = await Promise.all([findCommunity(input.communityId), listPublicOfCommunity(input.communityId)]);
    if (!community) throw notFound('社区不存在');
    return { community: { id: community._id, name: community.name }, items: questions.map(toPublicQuestion) };
  },
});

/** Public: the community's figures over a period of ask dates, counted by one aggregation in the database. */
export const figures = defineAction({
  schema: qaActions.figures,
  access: 'public',
  async handler(input, ctx): Promise<QaFigures> {
    const period = periodBounds(input.from, input.to);
    const counts = await countFigures(input.communityId, period, ctx.now());
    return figuresFrom(counts, input);
  },
});
