/** Location on weapp; Taro resolves `@/lib/location` to this file for the weapp build. */
import Taro from '@tarojs/taro';
import { approximatePoint, fenceReading, type PickedPlace } from './location-core';

export type { PickedPlace, Point } from './location-core';

/** gcj02: what WeChat maps and the stored community points use. */
export const readFenceLocation = () => fenceReading('gcj02');
export const getCurrentPoint = approximatePoint;

/** WeChat's map picker (gcj02, as stored). Null when the person cancels. */
export const canPickOnMap = true;
export async function pickOnMap(start?: { latitude: number; longitude: number }): Promise<PickedPlace | null> {
  try {
    const res = await Taro.chooseLocation(start ?? {});
    return { latitude: res.latitude, longitude: res.longitude, address: res.address };
  } catch {
    return null;
  }
}
