/** Location on H5 (and the default for tests). The weapp build takes location.weapp.ts instead. */
import { approximatePoint, fenceReading, type PickedPlace } from './location-core';

export type { PickedPlace, Point } from './location-core';

/** A browser can only give wgs84. */
export const readFenceLocation = () => fenceReading('wgs84');
export const getCurrentPoint = approximatePoint;

/** Browsers have no map picker: staff type the coordinates. */
export const canPickOnMap = false;
export async function pickOnMap(_start?: { latitude: number; longitude: number }): Promise<PickedPlace | null> {
  return null;
}
