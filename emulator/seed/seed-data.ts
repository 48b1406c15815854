import tcb from '@cloudbase/node-sdk';
import { PERSONAS } from './personas';

/**
 * Demo data for `npm start`, written through the real SDK when the database is empty. Communities are in
 * 南昌 with points near their neighbourhood centres (GCJ-02, as WeChat maps give them) and 500 m fences.
 */
export const SEED_COMMUNITIES = [
  { _id: 'c-donghu-hubin', name: '湖滨社区', district: '东湖区', street: '百花洲街道', streetId: 'st-baihuazhou', address: '南昌市东湖区八一大道与中山路交叉口东', latitude: 28.6812, longitude: 115.9012, radius: 500 },
  { _id: 'c-xihu-chaoyang', name: '朝阳新城社区', district: '西湖区', street: '朝阳洲街道', streetId: 'st-chaoyangzhou', address: '南昌市西湖区朝阳中路', latitude: 28.6523, longitude: 115.8724, radius: 500 },
  { _id: 'c-honggutan-shajing', name: '沙井社区', district: '红谷滩区', street: '沙井街道', streetId: 'st-shajing', address: '南昌市红谷滩区沙井路', latitude: 28.6972, longitude: 115.8474, radius: 800 },
] as const;

export const SEED_UNITS = [
  { _id: 'u-city-organ', name: '南昌市直机关工委' },
  { _id: 'u-power-supply', name: '国网南昌供电公司' },
];

const HOME = SEED_COMMUNITIES[0];

export async function seedIfEmpty(options: { serviceUrl: string; envId: string; secretId: string; secretKey: string }): Promise<boolean> {
  const app = tcb.init({ env: options.envId, serviceUrl: options.serviceUrl, secretId: options.secretId, secretKey: options.secretKey });
  const db = app.database();
  const { total } = (await db.collection('communities').count()) as { total: number };
  if (total > 0) return false;

  const now = new Date();
  for (const c of SEED_COMMUNITIES) await db.collection('communities').add({ ...c, createdAt: now });
  for (const u of SEED_UNITS) await db.collection('units').add({ ...u, createdAt: now });

  const grantsFor: Record<string, object[]> = {
    'demo-community-staff': [{ role: 'community_staff', scopeType: 'community', scopeId: HOME._id, scopeName: HOME.name }],
    'demo-league-staff': [{ role: 'league_staff', scopeType: 'street', scopeId: HOME.streetId, scopeName: HOME.street }],
    'demo-unit-admin': [{ role: 'unit_admin', scopeType: 'unit', scopeId: SEED_UNITS[0]._id, scopeName: SEED_UNITS[0].name }],
    'demo-admin': [{ role: 'admin', scopeType: 'global', scopeId: 'global', scopeName: '全局' }],
  };
  for (const p of PERSONAS) {
    if (p.role === 'new_member') continue;
    const member =
      p.role === 'member'
        ? { name: '李建国', phone: '13907911234', workUnitId: SEED_UNITS[0]._id, workUnitName: SEED_UNITS[0].name, partyBranch: '机关第一党支部', skills: ['政策宣讲', '法律咨询'], registeredAt: now, updatedAt: now }
        : null;
    await db.collection('users').add({ _id: p.openid, openid: p.openid, communityId: HOME._id, member, grants: grantsFor[p.openid] ?? [], createdAt: now });
  }
  return true;
}
