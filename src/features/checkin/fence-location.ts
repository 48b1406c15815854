import Taro from '@tarojs/taro';
import type { LocationReadingInput } from '@/domain/checkin.schema';
import { CloudError } from '@/lib/cloud';

/**
 * A reading for the fence. weapp asks gcj02 (what WeChat maps and the stored community points use); a browser can
 * only give wgs84, which the server converts. Either way the coordinate system travels with the reading.
 */
export async function readFenceLocation(): Promise<LocationReadingInput> {
  const coordSystem = process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84';
  try {
    const res = await Taro.getLocation({ type: coordSystem, isHighAccuracy: true, highAccuracyExpireTime: 4000 });
    // Without an accuracy the fence cannot judge the reading; an unknown is treated as poor, never as exact.
    const accuracy = Number.isFinite(res.accuracy) ? Math.max(0, res.accuracy) : 100_000;
    return { latitude: res.latitude, longitude: res.longitude, accuracy, coordSystem };
  } catch (error) {
    const msg = String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '');
    if (/auth|deny|denied|permission/i.test(msg)) throw new CloudError('LOCATION_DENIED', '未获得定位权限，请在设置中允许使用位置信息后重试');
    throw new CloudError('LOCATION_FAILED', '定位失败，请到室外开阔处后重试');
  }
}
