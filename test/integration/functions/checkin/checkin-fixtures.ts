import { expectOk, type TestPlatform } from '../../../helpers/local-platform';
import { gcj02ToWgs84 } from '../../../../src/domain/geo';
import { formatShanghaiMinute, parseShanghaiMinute } from '../../../../src/domain/shanghai-time';

/** 湖滨社区 (seed): GCJ-02 point, 500 m fence; its staff persona is demo-community-staff. */
export const HUBIN = { id: 'c-donghu-hubin', latitude: 28.6812, longitude: 115.9012, radius: 500 };
export const CHAOYANG = { id: 'c-xihu-chaoyang', latitude: 28.6523, longitude: 115.8724 };
export const STAFF = 'demo-community-staff';

/** A GCJ-02 point `meters` north of a community's point (1° of latitude ≈ 111 195 m). */
export const northOf = (c: { latitude: number; longitude: number }, meters: number) => ({ latitude: c.latitude + meters / 111_195, longitude: c.longitude });

/** A weapp-style reading (gcj02) at a point. */
export const gcjReading = (p: { latitude: number; longitude: number }, accuracy = 20) => ({ ...p, accuracy, coordSystem: 'gcj02' as const });
/** A browser-style reading (wgs84) of the same place. */
export const wgsReading = (p: { latitude: number; longitude: number }, accuracy = 20) => ({ ...gcj02ToWgs84(p), accuracy, coordSystem: 'wgs84' as const });

export const at = (text: string) => parseShanghaiMinute(text) as Date;
export const minute = (d: Date) => formatShanghaiMinute(d);

let seq = 0;
export const requestId = (prefix = 'req') => `${prefix}-${Date.now().toString(36)}-${(seq += 1)}`;

export async function registerMember(platform: TestPlatform, openid: string, name = '王小明'): Promise<void> {
  expectOk(
    await platform.call('user', openid, {
      action: 'registerMember',
      name,
      phone: '13812345678',
      workUnitId: 'u-city-organ',
      partyBranch: '机关第二党支部',
      skills: [],
      requestId: requestId('reg'),
    }),
  );
}


/** Counts documents straight in the emulator (what was or was not written). */
export async function countDocs(platform: TestPlatform, collectionName: string, query: Record<string, unknown>): Promise<number> {
  const res = (await platform.emulator.database.handle('database.calculateDocument', { collectionName, query: JSON.stringify(query), queryType: 'WHERE' })) as { data: { total: number } };
  return res.data.total;
}
