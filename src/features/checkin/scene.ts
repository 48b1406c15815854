/**
 * Where a community code's scene comes from. Opened from a mini-program code the page gets `scene` URL-encoded;
 * scanned inside the app, `scanCode` gives the code's path (`pages/checkin/index?scene=…`) or, for the H5 code,
 * the page address whose hash carries `?scene=…`.
 */
export function sceneFromParams(params: Record<string, string | undefined>): string {
  const raw = params.scene;
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function sceneFromScan(scan: { path?: string; result?: string }): string {
  for (const text of [scan.path, scan.result]) {
    if (!text) continue;
    const match = /[?&]scene=([^&#]+)/.exec(text);
    if (match) return sceneFromParams({ scene: decodeURIComponent(match[1]) });
  }
  return '';
}
