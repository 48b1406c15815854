import fs from 'node:fs';
import path from 'node:path';

/**
 * An append-only JSON-lines journal. Each record is appended synchronously before it counts, so what a caller saw
 * succeed is on disk even if the emulator dies right after; `readAll` replays the file on start. Memory only without a
 * file.
 */
export class JsonLinesJournal<T> {
  constructor(private readonly file?: string) {
    if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  /** Every record read back, oldest first. A line cut short by a crash mid-append is skipped; the rest still counts. */
  readAll(): unknown[] {
    if (!this.file || !fs.existsSync(this.file)) return [];
    const records: unknown[] = [];
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        // torn last line
      }
    }
    return records;
  }

  append(record: T): void {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(record)}\n`);
  }

  clear(): void {
    if (this.file) fs.writeFileSync(this.file, '');
  }
}
