import Taro from '@tarojs/taro';
import { CloudError } from './cloud-error';

export interface Point {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

/**
 * The device's position. Both targets ask for WGS84 (H5 has no default type, and WGS84 keeps the two alike);
 * only used here to order communities by distance, where a datum offset of a few hundred metres does not matter.
 */
export async function getCurrentPoint(): Promise<Point> {
  try {
    const res = await Taro.getLocation({ type: 'wgs84' });
    return { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy };
  } catch (error) {
    const msg = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/auth|deny|denied|permission/i.test(msg)) throw new CloudError('LOCATION_DENIED', '未获得定位权限，可在设置中开启后重试');
    throw new CloudError('LOCATION_FAILED', '定位失败，请稍后重试');
  }
}
