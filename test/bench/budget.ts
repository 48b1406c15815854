import type { LocalServerOptions } from '../../local/server';
import type { TestPlatform } from '../helpers/local-platform';

/** One row of the benchmark's table: a measured figure beside its budget (if it has one). */
export interface Figure {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** Upper bound; absent for figures that are reported, not budgeted (latencies). */
  budget?: number;
  /** Exact figures (round trips, counts, bytes) are asserted in npm test too; times never are. */
  exact: boolean;
}

export const withinBudget = (f: Figure) => f.budget === undefined || f.value <= f.budget;

export interface BenchContext {
  /** A fresh platform per scenario: in memory, demo data seeded. */
  platform: TestPlatform;
  /** Fewer iterations (npm test asserts the exact figures on a smaller run). */
  quick: boolean;
}

export interface Scenario {
  name: string;
  /** Options for the scenario's platform, e.g. a fixed clock. */
  platform?: Partial<LocalServerOptions>;
  run(ctx: BenchContext): Promise<Figure[]>;
}

export const exact = (scenario: string, metric: string, value: number, unit: string, budget?: number): Figure => ({ scenario, metric, value, unit, budget, exact: true });
export const timing = (scenario: string, metric: string, value: number, unit = 'ms'): Figure => ({ scenario, metric, value, unit, exact: false });
