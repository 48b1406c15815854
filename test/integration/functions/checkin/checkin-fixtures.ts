import { expectOk, type TestPlatform } from '../../../helpers/local-platform';
import { gcj02ToWgs84 } from '../../../../src/domain/geo';
import { parseShanghaiMinute } from '../../../../src/domain/shanghai-time';
import { aMemberProfile } from '../../../fixtures/builders';
import { CHAOYANG as CHAOYANG_PLACE, HUBIN as HUBIN_PLACE } from '../../../fixtures/personas';

export { requestId } from '../../../fixtures/builders';
export { countDocs } from '../../../fixtures/database';
export { STAFF } from '../../../fixtures/personas';

/** 湖滨社区 (seed): GCJ-02 point, 500 m fence; its staff persona is demo-community-staff. */
export const HUBIN = { id: HUBIN_PLACE.id, latitude: HUBIN_PLACE.latitude, longitude: HUBIN_PLACE.longitude, radius: HUBIN_PLACE.radius };
export const CHAOYANG = { id: CHAOYANG_PLACE.id, latitude: CHAOYANG_PLACE.latitude, longitude: CHAOYANG_PLACE.longitude };

/** A GCJ-02 point `meters` north of a community's point (1° of latitude ≈ 111 195 m). */
export const northOf = (c: { latitude: number; longitude: number }, meters: number) => ({ latitude: c.latitude + meters / 111_195, longitude: c.longitude });

/** A weapp-style reading (gcj02) at a point. */
export const gcjReading = (p: { latitude: number; longitude: number }, accuracy = 20) => ({ ...p, accuracy, coordSystem: 'gcj02' as const });
/** A browser-style reading (wgs84) of the same place. */
export const wgsReading = (p: { latitude: number; longitude: number }, accuracy = 20) => ({ ...gcj02ToWgs84(p), accuracy, coordSystem: 'wgs84' as const });

export const at = (text: string) => parseShanghaiMinute(text) as Date;

export async function registerMember(platform: TestPlatform, openid: string, name = '王小明'): Promise<void> {
  expectOk(await platform.call('user', openid, { action: 'registerMember', ...aMemberProfile({ name }) }));
}
