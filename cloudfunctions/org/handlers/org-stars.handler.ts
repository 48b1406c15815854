import { orgActions } from '../../../src/domain/organisation.schema';
import { publishedStars, type StarHistoryRow } from '../../../src/domain/star-history';
import { defineAction } from '../../_shared/define-function';
import { listBranchAssessments } from '../../_shared/repositories/star-history.repository';
import { existingOrg } from './load';

/**
 * The organisation page's 五星: a branch's current star and its history (public: ratings after 公示 only, nothing
 * about people). Other nodes are not rated (`rated: false`). The node and its assessments: two reads.
 */
export const orgStars = defineAction({
  schema: orgActions.stars,
  access: 'public',
  load: existingOrg,
  async handler(_input, ctx, org): Promise<{ rated: boolean; current: StarHistoryRow | null; history: StarHistoryRow[] }> {
    if (org.type !== 'branch') return { rated: false, current: null, history: [] };
    return { rated: true, ...publishedStars(await listBranchAssessments(org._id), ctx.now()) };
  },
});
