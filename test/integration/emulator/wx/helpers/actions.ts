import type { Emulator } from '../../../../../emulator/server';

/**
 * The actions the emulator received while `fn` ran, counted from its metrics (`byAction` counts every signed
 * request), with what `fn` returned, to assert which transport an SDK method used: e.g. `{ 'wx.api': 1 }` and nothing else.
 */
export async function actionsDuring<T>(emulator: Emulator, fn: () => T): Promise<{ result: Awaited<T>; actions: Record<string, number> }> {
  const before = emulator.metrics.summary().byAction;
  const result = await fn();
  const after = emulator.metrics.summary().byAction;
  const received: Record<string, number> = {};
  for (const [action, count] of Object.entries(after)) {
    const delta = count - (before[action] ?? 0);
    if (delta !== 0) received[action] = delta;
  }
  return { result, actions: received };
}
