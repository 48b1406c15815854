import fs from 'node:fs';
import path from 'node:path';

/** Local stand-in for the CloudBase storage bucket: files on disk (or in memory for tests), keyed by cloud path. */
export interface StoredFile {
  body: Buffer;
  contentType: string;
}

export const LOCAL_BUCKET = 'local-bucket';

export class FileStore {
  private readonly memory = new Map<string, StoredFile>();

  constructor(
    private readonly envId: string,
    /** A directory, or null to keep files in memory. */
    private readonly dir: string | null,
  ) {}

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${LOCAL_BUCKET}/${cloudPath}`;
  }

  /** The cloud path a file id names in this bucket, or null when it names another env, bucket or nothing valid. */
  pathOf(fileId: string): string | null {
    const prefix = `cloud://${this.envId}.${LOCAL_BUCKET}/`;
    if (!fileId.startsWith(prefix)) return null;
    const cloudPath = fileId.slice(prefix.length);
    return isSafeCloudPath(cloudPath) ? cloudPath : null;
  }

  put(cloudPath: string, file: StoredFile): string {
    if (!isSafeCloudPath(cloudPath)) throw new Error(`unsafe cloud path ${cloudPath}`);
    if (this.dir) {
      const target = path.join(this.dir, cloudPath);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(`${target}.type`, file.contentType);
      fs.writeFileSync(target, file.body);
    } else {
      this.memory.set(cloudPath, file);
    }
    return this.fileIdOf(cloudPath);
  }

  get(cloudPath: string): StoredFile | null {
    if (!isSafeCloudPath(cloudPath)) return null;
    if (!this.dir) return this.memory.get(cloudPath) ?? null;
    const target = path.join(this.dir, cloudPath);
    if (!fs.existsSync(target) || !fs.existsSync(`${target}.type`)) return null;
    return { body: fs.readFileSync(target), contentType: fs.readFileSync(`${target}.type`, 'utf8') };
  }

  remove(cloudPath: string): boolean {
    if (!isSafeCloudPath(cloudPath)) return false;
    if (!this.dir) return this.memory.delete(cloudPath);
    const target = path.join(this.dir, cloudPath);
    if (!fs.existsSync(target)) return false;
    fs.rmSync(target);
    fs.rmSync(`${target}.type`, { force: true });
    return true;
  }
}

/**
 * CloudBase's object-key rules (letters, digits, Chinese, `! - _ .`, `/` between non-empty segments, at most 850
 * bytes), minus `*`, `.`/`..` segments and segments over 200 bytes, which would not map safely onto a local directory.
 */
export function isSafeCloudPath(cloudPath: string): boolean {
  return (
    /^[A-Za-z0-9._!\-/\u4e00-\u9fff]+$/.test(cloudPath) &&
    Buffer.byteLength(cloudPath) <= 850 &&
    !cloudPath.split('/').some((part) => part === '' || part === '.' || part === '..' || Buffer.byteLength(part) > 200)
  );
}
