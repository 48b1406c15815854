import type { LedgerTable } from '../../../src/domain/ledger-table';
import type { QuarterlyScope } from '../../../src/domain/ledger.schema';
import { quarterlyTable } from '../../../src/domain/quarterly-table';
import { COUNTER_FIELDS, type CounterValues } from '../../../src/domain/stat-counters';
import { monthsOfQuarter, quarterKey } from '../../../src/domain/stat-period';
import { readCountersWith, submissionId, type SubmissionDoc } from '../../_shared/repositories/stat-counter.repository';

export { quarterlyTable };

const valuesOf = (doc: CounterValues): CounterValues => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, Number(doc[f] ?? 0)]));

/**
 * The quarter's 统计表 of one scope (whose name the caller already has) and, for a unit, its 报送: one read of at most
 * three month counters plus the submission document. The export builds its file from the same call.
 */
export async function loadQuarterlyTable(scope: { scopeType: QuarterlyScope; scopeId: string; scopeName: string }, year: number, quarter: number): Promise<{ table: LedgerTable; submission: SubmissionDoc<LedgerTable> | null }> {
  const extra = scope.scopeType === 'unit' ? [submissionId(scope.scopeId, quarterKey(year, quarter))] : [];
  const docs = await readCountersWith(scope.scopeType, [scope.scopeId], monthsOfQuarter(year, quarter), extra);
  const submission = (docs.find((d) => d.scopeType === 'submission') as SubmissionDoc<LedgerTable> | undefined) ?? null;
  const counters = docs.filter((d) => d.scopeType !== 'submission').map((d) => ({ period: d.period, values: valuesOf(d as CounterValues) }));
  return { table: quarterlyTable({ scopeType: scope.scopeType, scopeName: scope.scopeName, year, quarter, counters }), submission };
}
