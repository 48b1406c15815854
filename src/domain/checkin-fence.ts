import { distanceMeters, wgs84ToGcj02, type LatLng } from './geo';

/**
 * The fence rule shared by 报到 and activity check-in (docs/domain.md §1–2): inside when the distance from the point is
 * at most the radius; a reading less precise than the radius cannot tell inside from outside, so it is refused
 * with advice to retry outdoors rather than silently accepted.
 */
export type CoordSystem = 'wgs84' | 'gcj02';

export interface LocationReading extends LatLng {
  /** Radius of uncertainty in metres, as the device reports it. */
  accuracy: number;
  coordSystem: CoordSystem;
}

export interface Fence extends LatLng {
  radius: number;
  /** Shown in messages: 「您距离湖滨社区约 …」. */
  name: string;
  /** What the fence is checked for: 「超出报到范围」 / 「超出签到范围」. */
  purpose: '报到' | '签到' | '签退';
}

export type FenceVerdict =
  | { inside: true; distance: number }
  | { inside: false; reason: 'too_far' | 'poor_accuracy'; distance: number; message: string };

/** Fences are stored in GCJ-02 (what WeChat maps give); browsers report WGS-84. */
export const toGcj02 = (reading: LocationReading): LatLng =>
  reading.coordSystem === 'wgs84' ? wgs84ToGcj02(reading) : { latitude: reading.latitude, longitude: reading.longitude };

/** 120 → 「约 120 米」, 2049 → 「约 2.0 公里」. */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `约 ${Math.round(meters)} 米`;
  return `约 ${(meters / 1000).toFixed(1)} 公里`;
}

export function evaluateFence(reading: LocationReading, fence: Fence): FenceVerdict {
  const distance = Math.round(distanceMeters(toGcj02(reading), fence));
  if (reading.accuracy > fence.radius) {
    return {
      inside: false,
      reason: 'poor_accuracy',
      distance,
      message: `当前定位精度约 ${Math.round(reading.accuracy)} 米，无法确认您是否在${fence.name}范围内（${fence.radius} 米），请到室外开阔处重新定位后再试`,
    };
  }
  if (distance > fence.radius) {
    return {
      inside: false,
      reason: 'too_far',
      distance,
      message: `您距离${fence.name}${formatDistance(distance)}，超出${fence.purpose}范围（${fence.radius} 米）`,
    };
  }
  return { inside: true, distance };
}
