/**
 * Reading the device's position, shared by both targets; location.ts (H5) and location.weapp.ts choose the coordinate
 * system and the map picker, and Taro picks the file for the target at build time.
 */
import Taro from '@tarojs/taro';
import type { LocationReadingInput } from '@/domain/checkin.schema';
import { CloudError } from './cloud-error';

export interface Point {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

export interface PickedPlace {
  latitude: number;
  longitude: number;
  address?: string;
}

const isDenied = (error: unknown) =>
  /auth|deny|denied|permission/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? ''));

/** A reading for a fence (报到, 签到): the coordinate system travels with it, the server converts. */
export async function fenceReading(coordSystem: LocationReadingInput['coordSystem']): Promise<LocationReadingInput> {
  try {
    const res = await Taro.getLocation({ type: coordSystem, isHighAccuracy: true, highAccuracyExpireTime: 4000 });
    // Without an accuracy the fence cannot judge the reading; an unknown is treated as poor, never as exact.
    const accuracy = Number.isFinite(res.accuracy) ? Math.max(0, res.accuracy) : 100_000;
    return { latitude: res.latitude, longitude: res.longitude, accuracy, coordSystem };
  } catch (error) {
    if (isDenied(error)) throw new CloudError('LOCATION_DENIED', '未获得定位权限，请在设置中允许使用位置信息后重试');
    throw new CloudError('LOCATION_FAILED', '定位失败，请到室外开阔处后重试');
  }
}

/**
 * The device's position for ordering communities by distance. Both targets ask for WGS84 (H5 has no default type);
 * a datum offset of a few hundred metres does not matter there.
 */
export async function approximatePoint(): Promise<Point> {
  try {
    const res = await Taro.getLocation({ type: 'wgs84' });
    return { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy };
  } catch (error) {
    if (isDenied(error)) throw new CloudError('LOCATION_DENIED', '未获得定位权限，可在设置中开启后重试');
    throw new CloudError('LOCATION_FAILED', '定位失败，请稍后重试');
  }
}
