import fs from 'node:fs';
import path from 'node:path';

export type IndexDirection = 1 | -1 | '2dsphere';

export interface IndexSpec {
  name: string;
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

/** The file deployment uses; the emulator reads the same declaration. */
const DEFAULT_CONFIG_FILE = path.resolve(__dirname, '../../cloudbaserc.json');

/** Reads the `database.collections` section of cloudbaserc.json. */
export function loadCollectionSpecs(file: string = DEFAULT_CONFIG_FILE): CollectionSpec[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the collection declarations in ${file}: ${(error as Error).message}`);
  }
  const collections = (parsed as { database?: { collections?: unknown } })?.database?.collections ?? [];
  if (!Array.isArray(collections)) throw new Error(`${file}: database.collections must be an array`);
  return collections.map((entry, i) => parseCollection(entry, `${file}: database.collections[${i}]`));
}

function parseCollection(entry: unknown, where: string): CollectionSpec {
  const { name, indexes = [] } = (entry ?? {}) as { name?: unknown; indexes?: unknown };
  if (typeof name !== 'string' || !name) throw new Error(`${where}.name must be a non-empty string`);
  if (!Array.isArray(indexes)) throw new Error(`${where}.indexes must be an array`);
  const specs = indexes.map((index, i) => parseIndex(index, `${where}.indexes[${i}]`));
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`${where}: index name ${spec.name} is declared twice`);
    names.add(spec.name);
  }
  return { name, indexes: specs };
}

function parseIndex(entry: unknown, where: string): IndexSpec {
  const { name, keys, unique } = (entry ?? {}) as { name?: unknown; keys?: unknown; unique?: unknown };
  if (typeof name !== 'string' || !name) throw new Error(`${where}.name must be a non-empty string`);
  if (!keys || typeof keys !== 'object' || Array.isArray(keys) || Object.keys(keys).length === 0) {
    throw new Error(`${where}.keys must be an object with at least one field`);
  }
  for (const [field, direction] of Object.entries(keys)) {
    if (direction !== 1 && direction !== -1 && direction !== '2dsphere') {
      throw new Error(`${where}.keys.${field} must be 1, -1 or "2dsphere"`);
    }
  }
  if (unique !== undefined && typeof unique !== 'boolean') throw new Error(`${where}.unique must be a boolean`);
  return { name, keys: keys as Record<string, IndexDirection>, unique: unique === true };
}
