import { loadScenarios, runScenarios } from '../../bench/run';
import { withinBudget, type Figure } from '../../bench/budget';

/**
 * The benchmark's exact figures (database round trips per action, correctness counts) are machine-independent,
 * so npm test asserts them on a quick run; latencies are only reported by `npm run bench`.
 */
let figures: Figure[] = [];

beforeAll(async () => {
  figures = await runScenarios(await loadScenarios(), true);
}, 600_000);

it('measures at least one exact figure per scenario', async () => {
  const scenarios = await loadScenarios();
  for (const s of scenarios) expect(figures.some((f) => f.exact && f.scenario.startsWith(s.name))).toBe(true);
});

it('keeps every exact figure within its budget', () => {
  const broken = figures.filter((f) => f.exact && !withinBudget(f)).map((f) => `${f.scenario} ${f.metric}: ${f.value} > ${f.budget}`);
  expect(broken).toEqual([]);
});
