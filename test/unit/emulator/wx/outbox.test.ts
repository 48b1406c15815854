import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type OutboxMessage, SubscribeOutbox } from '../../../../emulator/wx/outbox';

const message = (n: number): OutboxMessage => ({
  msgid: n,
  timestamp: new Date(2024, 0, n).toISOString(),
  appid: 'wx-unit',
  touser: 'o-user',
  template_id: 'TPL',
  data: { thing1: { value: `message ${n}` } },
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wx-outbox-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SubscribeOutbox', () => {
  it('keeps messages in memory without a file', () => {
    const outbox = new SubscribeOutbox();
    outbox.add(message(1));
    outbox.add(message(2));
    expect(outbox.list().map((m) => m.msgid)).toEqual([1, 2]);
    outbox.clear();
    expect(outbox.list()).toEqual([]);
  });

  it('survives a restart through its JSON-lines file, creating the folder', () => {
    const file = path.join(dir, 'nested', 'outbox.jsonl');
    const first = new SubscribeOutbox(file);
    first.add(message(1));
    first.add(message(2));
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(new SubscribeOutbox(file).list()).toEqual([message(1), message(2)]);
  });

  it('skips a line cut short by a crash and truncates the file on clear', () => {
    const file = path.join(dir, 'outbox.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(message(1))}\n{"msgid":2,"touse`);
    const outbox = new SubscribeOutbox(file);
    expect(outbox.list()).toEqual([message(1)]);
    outbox.clear();
    expect(fs.readFileSync(file, 'utf8')).toBe('');
    expect(new SubscribeOutbox(file).list()).toEqual([]);
  });

  it('hands out copies, so callers cannot change what was recorded', () => {
    const outbox = new SubscribeOutbox();
    outbox.add(message(1));
    outbox.list()[0].data.thing1.value = 'changed';
    expect(outbox.list()[0].data.thing1.value).toBe('message 1');
  });
});
