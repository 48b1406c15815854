/**
 * Round trips counted per calling invocation. The host sets TCB_SEQID for each invocation; the SDK sends
 * `seqId=<TCB_SEQID>-<eventId>`, so the part before the last `-` names the invocation.
 */
const MAX_TAGS = 20_000;

export interface InvocationMetrics {
  tag: string;
  databaseActions: number;
  byAction: Record<string, number>;
}

export function tagOfSeqId(seqId: string | null | undefined): string | null {
  if (!seqId) return null;
  const cut = seqId.lastIndexOf('-');
  return cut > 0 ? seqId.slice(0, cut) : null;
}

export class Metrics {
  private readonly perTag = new Map<string, InvocationMetrics>();
  private totalActions = 0;
  private readonly totalByAction: Record<string, number> = {};

  record(action: string, seqId: string | null | undefined): void {
    this.totalActions += 1;
    this.totalByAction[action] = (this.totalByAction[action] ?? 0) + 1;
    const tag = tagOfSeqId(seqId);
    if (!tag || !action.startsWith('database.')) return;
    let entry = this.perTag.get(tag);
    if (!entry) {
      // Bounded memory: forget the oldest invocation once the map is full (Map keeps insertion order).
      if (this.perTag.size >= MAX_TAGS) this.perTag.delete(this.perTag.keys().next().value as string);
      entry = { tag, databaseActions: 0, byAction: {} };
      this.perTag.set(tag, entry);
    }
    entry.databaseActions += 1;
    entry.byAction[action] = (entry.byAction[action] ?? 0) + 1;
  }

  forTag(tag: string): InvocationMetrics {
    return this.perTag.get(tag) ?? { tag, databaseActions: 0, byAction: {} };
  }

  summary() {
    return { totalActions: this.totalActions, byAction: { ...this.totalByAction }, invocationsTracked: this.perTag.size };
  }

  reset(): void {
    this.perTag.clear();
    this.totalActions = 0;
    for (const key of Object.keys(this.totalByAction)) delete this.totalByAction[key];
  }
}
