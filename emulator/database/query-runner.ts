import { decodeStoredDocument, isPlainObject, type Doc } from './ejson';
import { distanceAt, parseNearSphere, type NearSpec } from './geo';
import { compileFilter, sortBy, type SortSpec } from './query-language';
import { planQuery, type Plan } from './query-planner';
import type { Storage, StoredDoc } from './storage';
import { containsRegex, DEFAULT_QUERY_TIME_LIMIT_MS, withinTimeLimit } from './time-limit';

export interface EngineStats {
  /** Documents read and tested against a filter. */
  docsScanned: number;
  /** Queries answered by walking a whole collection. */
  collectionScans: number;
  /** Queries answered through a declared index. */
  indexScans: number;
  /** Queries answered through `_id`. */
  idLookups: number;
}

/** A transaction's pending writes to one collection, by `_id` key (hex): the new document, or null once removed. */
export type Overlay = Map<string, Doc | null>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  overlay?: Overlay;
}

export interface Match {
  doc: Doc;
  /** The committed row the document was read from; undefined for a document only a transaction has written. */
  stored?: StoredDoc;
}

const FIRST_PAGE = 64;
const MAX_PAGE = 1024;

export class QueryRunner {
  constructor(
    private readonly storage: Storage,
    private readonly stats: EngineStats,
    /** How long one query with a regular expression may run (time-limit.ts). */
    readonly timeLimitMs = DEFAULT_QUERY_TIME_LIMIT_MS,
  ) {}

  find(collection: string, filter: Doc, options: FindOptions = {}): Match[] {
    if (containsRegex(filter)) return withinTimeLimit(this.timeLimitMs, `a query on ${collection}`, () => this.findNow(collection, filter, options));
    return this.findNow(collection, filter, options);
  }

  private findNow(collection: string, filter: Doc, options: FindOptions): Match[] {
    const { sort, skip = 0, limit, overlay } = options;
    const test = compileFilter(filter);
    const near = nearSphereOf(filter);
    const plan = planQuery(filter, sort, this.storage.indexesOf(collection), (index) => this.storage.isMultikey(collection, index));
    this.count(plan);
    const pending = overlay && overlay.size > 0 ? overlay : undefined;
    const stopAt = plan.ordered && !near && !pending && limit !== undefined ? skip + limit : Infinity;

    const matches: Match[] = [];
    const visited = new Set<string>();
    for (const stored of this.candidates(collection, plan)) {
      this.stats.docsScanned++;
      const candidate = readCandidate(stored, pending, visited);
      if (candidate && test(candidate.doc)) matches.push(candidate);
      if (matches.length >= stopAt) break;
    }
    for (const [idHex, doc] of pending ?? []) {
      if (visited.has(idHex) || !doc) continue;
      this.stats.docsScanned++;
      if (test(doc)) matches.push({ doc });
    }

    let ordered = matches;
    if (near && !sort) {
      const distances = new Map(matches.map((match) => [match, distanceAt(match.doc, near.field, near.spec.center) ?? Infinity]));
      ordered = [...matches].sort((a, b) => distances.get(a)! - distances.get(b)!);
    } else if (sort && (!plan.ordered || pending)) {
      ordered = sortBy(matches, (match) => match.doc, sort);
    }
    return ordered.slice(skip, limit === undefined ? undefined : skip + limit);
  }

  /** Committed rows in plan order, each at most once (a multikey index lists a document once per key). */
  private *candidates(collection: string, plan: Plan): Generator<StoredDoc> {
    const { access, descending } = plan;
    if (access.kind === 'scan') {
      let afterSeq = 0;
      for (let size = FIRST_PAGE; ; size = Math.min(size * 2, MAX_PAGE)) {
        const page = this.storage.scanPage(collection, afterSeq, size);
        yield* page;
        if (page.length < size) return;
        afterSeq = page[page.length - 1].seq;
      }
    }
    const ranges = descending ? [...access.ranges].reverse() : access.ranges;
    const seen = new Set<number>();
    for (const range of ranges) {
      let cursor: { key: Buffer; seq: number } | undefined;
      for (let size = FIRST_PAGE; ; size = Math.min(size * 2, MAX_PAGE)) {
        const page =
          access.kind === 'id'
            ? this.storage.idPage(collection, range, descending, cursor?.key, size)
            : this.storage.indexPage(collection, access.index, range, descending, cursor, size);
        for (const row of page) {
          if (seen.has(row.seq)) continue;
          seen.add(row.seq);
          yield row;
        }
        if (page.length < size) break;
        const last = page[page.length - 1];
        cursor = { key: last.key, seq: last.seq };
      }
    }
  }

  private count(plan: Plan): void {
    if (plan.access.kind === 'scan') this.stats.collectionScans++;
    else if (plan.access.kind === 'id') this.stats.idLookups++;
    else this.stats.indexScans++;
  }
}

/** A committed row as this reader sees it: through the transaction's pending write of it, if any. */
function readCandidate(stored: StoredDoc, pending: Overlay | undefined, visited: Set<string>): Match | undefined {
  if (!pending) return { doc: decodeStoredDocument(stored.body), stored };
  const idHex = stored.id.toString('hex');
  visited.add(idHex);
  if (!pending.has(idHex)) return { doc: decodeStoredDocument(stored.body), stored };
  const doc = pending.get(idHex);
  return doc ? { doc } : undefined;
}

/** `_.geoNear` in a where: MongoDB returns `$nearSphere` results nearest first unless told otherwise. */
function nearSphereOf(filter: Doc): { field: string; spec: NearSpec } | undefined {
  for (const [field, condition] of Object.entries(filter)) {
    if (!field.startsWith('$') && isPlainObject(condition) && condition.$nearSphere !== undefined) {
      return { field, spec: parseNearSphere(condition.$nearSphere) };
    }
  }
  return undefined;
}
