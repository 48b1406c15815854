import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCollectionSpecs } from '../../../../emulator/database/schema';

function configFile(content: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
  const file = path.join(dir, 'cloudbaserc.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('collection declarations', () => {
  it('reads the project cloudbaserc.json by default', () => {
    const specs = loadCollectionSpecs();
    const users = specs.find((spec) => spec.name === 'users');
    expect(users?.indexes).toContainEqual({ name: 'openid_unique', keys: { openid: 1 }, unique: true });
  });

  it('reads a given file and defaults indexes and unique', () => {
    const file = configFile({ database: { collections: [{ name: 'a' }, { name: 'b', indexes: [{ name: 'geo', keys: { at: '2dsphere' } }] }] } });
    expect(loadCollectionSpecs(file)).toEqual([
      { name: 'a', indexes: [] },
      { name: 'b', indexes: [{ name: 'geo', keys: { at: '2dsphere' }, unique: false }] },
    ]);
  });

  it('says what is wrong with a bad declaration', () => {
    expect(() => loadCollectionSpecs(configFile({ database: { collections: [{ name: 'a', indexes: [{ name: 'x', keys: { f: 2 } }] }] } }))).toThrow(
      'database.collections[0].indexes[0].keys.f must be 1, -1 or "2dsphere"',
    );
    expect(() => loadCollectionSpecs(configFile({ database: { collections: [{ indexes: [] }] } }))).toThrow('name must be a non-empty string');
    expect(() => loadCollectionSpecs('/nonexistent/cloudbaserc.json')).toThrow('cannot read the collection declarations');
  });
});
