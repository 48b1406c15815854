/** Recognises the database errors the SDK surfaces (TcbError carries CloudBase's code). */
export function isDuplicateWrite(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'DATABASE_DUPLICATE_WRITE';
}
