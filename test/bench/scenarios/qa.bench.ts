import { answerQuestion, newQuestion, rateQuestion } from '../../../src/domain/question-machine';
import { expectOk } from '../../helpers/local-platform';
import { exact, timing, type Scenario } from '../budget';
import { insertDocs } from '../../fixtures/database';
import { HUBIN as HUBIN_PLACE, STAFF } from '../../fixtures/personas';
import { maxRoundTrips, measure } from '../harness';

/**
 * 问政 at 1 000 and 100 000 questions: the staff inbox, the public page and the community's figures. The questions
 * are spread over 200 communities (a city's worth); 湖滨社区 gets its share, the rest are other communities' data
 * that the indexes must step over.
 */
const HUBIN = { id: HUBIN_PLACE.id, name: HUBIN_PLACE.name, streetId: HUBIN_PLACE.streetId, streetName: '百花洲街道' };
const COMMUNITIES = 200;
const communityOf = (i: number) => (i % COMMUNITIES === 0 ? HUBIN : { ...HUBIN, id: `c-bench-${i % COMMUNITIES}`, name: `社区${i % COMMUNITIES}` });
const RATINGS = ['满意', '基本满意', '不满意'] as const;

function bulkQuestion(i: number) {
  const asked = new Date(Date.UTC(2025, 0, 2) + (i % 300) * 86_400_000 + (i % 1440) * 60_000);
  const q = newQuestion(
    { title: `问题${i}`, content: '批量数据', category: '社区治理', photos: [], isPublic: i % 3 !== 0 },
    { askerOpenid: `bulk-asker-${i % 500}`, askerName: '王芳', community: communityOf(i), needsReview: false, now: asked },
  );
  if (i % 4 === 0) return { _id: `bench-q-${i}`, ...q };
  const answered = answerQuestion(q, { text: '已处理', photos: [], org: HUBIN.name }, new Date(asked.getTime() + 86_400_000));
  const done = i % 2 ? rateQuestion(answered, RATINGS[i % 3], undefined, new Date(asked.getTime() + 2 * 86_400_000)) : answered;
  return { _id: `bench-q-${i}`, ...done };
}

export const scenario: Scenario = {
  name: 'qa',
  async run({ platform, quick }) {
    const figures = [];
    let loaded = 0;
    for (const scale of quick ? [1_000] : [1_000, 100_000]) {
      await insertDocs(platform, 'questions', Array.from({ length: scale - loaded }, (_, j) => bulkQuestion(loaded + j)), 5_000);
      loaded = scale;
      const runs = quick ? 3 : 10;
      const call = (openid: string | null, payload: Record<string, unknown>) => async () => {
        const r = await platform.call('qa', openid, payload);
        return { value: expectOk(r), invocationId: r.invocationId };
      };
      const inbox = await measure(Array.from({ length: runs }, () => call(STAFF, { action: 'inbox' })), 4);
      const page = await measure(Array.from({ length: runs }, () => call(null, { action: 'publicList', communityId: HUBIN.id })), 4);
      const stats = await measure(Array.from({ length: runs }, () => call(null, { action: 'figures', communityId: HUBIN.id, from: '2025-01-01', to: '2025-12-31' })), 4);
      figures.push(
        exact(`qa.inbox@${scale}`, 'round trips (max)', await maxRoundTrips(platform, inbox.results.map((r) => r.invocationId)), 'trips', 2),
        timing(`qa.inbox@${scale}`, 'p95', inbox.latency.p95),
        exact(`qa.publicPage@${scale}`, 'round trips (max)', await maxRoundTrips(platform, page.results.map((r) => r.invocationId)), 'trips', 2),
        timing(`qa.publicPage@${scale}`, 'p95', page.latency.p95),
        exact(`qa.figures@${scale}`, 'round trips (max)', await maxRoundTrips(platform, stats.results.map((r) => r.invocationId)), 'trips', 3),
        timing(`qa.figures@${scale}`, 'p95', stats.latency.p95),
      );
    }
    return figures;
  },
};
