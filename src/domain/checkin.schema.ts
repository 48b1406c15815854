import { z } from 'zod';
import type { CheckinStanding, CheckinStatus } from './checkin-term';
import { idSchema, latitudeSchema, longitudeSchema, text } from './validation';

/** What the client sends from getLocation: weapp asks gcj02, H5 can only give wgs84; the server converts. */
export const locationReadingSchema = z
  .object({
    latitude: latitudeSchema,
    longitude: longitudeSchema,
    accuracy: z.number({ error: '定位精度必须是数字' }).min(0, '定位精度不能为负数').max(100_000, '定位精度数值不正确'),
    coordSystem: z.enum(['wgs84', 'gcj02'], { error: '坐标系只能是 wgs84 或 gcj02' }),
  })
  .strict();

/** The community code's scene carries the community id as is (≤ 32 characters, WeChat's limit). */
export const communitySceneSchema = z
  .string({ error: '请扫描社区报到码' })
  .regex(/^[A-Za-z0-9_-]{1,32}$/, '社区报到码无效，请重新扫描社区张贴的报到码');

export const fenceRadiusSchema = z
  .number({ error: '围栏半径必须是数字' })
  .int('围栏半径必须是整数米')
  .min(100, '围栏半径不能小于 100 米')
  .max(3000, '围栏半径不能大于 3000 米');

export const checkinActions = {
  communityByScene: z.object({ scene: communitySceneSchema }).strict(),
  report: locationReadingSchema.extend({ communityId: communitySceneSchema }).strict(),
  myCheckin: z.object({}).strict(),
  withdrawCheckin: z.object({}).strict(),
  pendingCheckins: z.object({ communityId: idSchema('社区') }).strict(),
  reviewCheckin: z
    .object({
      memberOpenid: idSchema('党员'),
      decision: z.enum(['confirm', 'reject'], { error: '请选择确认或退回' }),
      reason: text('退回原因', 100).optional(),
    })
    .strict()
    .refine((v) => v.decision === 'confirm' || Boolean(v.reason), { message: '退回时请填写原因', path: ['reason'] }),
  roster: z.object({ communityId: idSchema('社区') }).strict(),
  communitySettings: z.object({ communityId: idSchema('社区') }).strict(),
  setCommunityFence: z
    .object({ communityId: idSchema('社区'), latitude: latitudeSchema, longitude: longitudeSchema, radius: fenceRadiusSchema })
    .strict(),
  communityQr: z
    .object({
      communityId: idSchema('社区'),
      target: z.enum(['weapp', 'h5'], { error: '二维码类型只能是 weapp 或 h5' }),
      /** H5 only: the address the app is served from, e.g. http://127.0.0.1:3000. */
      h5Origin: z.url({ protocol: /^https?$/, error: 'H5 地址格式不正确' }).max(200, 'H5 地址过长').optional(),
    })
    .strict()
    .refine((v) => v.target === 'weapp' || Boolean(v.h5Origin), { message: 'H5 二维码需要提供页面地址', path: ['h5Origin'] }),
} as const;

export type LocationReadingInput = z.infer<typeof locationReadingSchema>;

/** The page the community code opens; the scene is the community id. */
export const CHECKIN_PAGE = 'pages/checkin/index';

export interface CommunityFenceView {
  id: string;
  name: string;
  district: string;
  street: string;
  address: string;
  latitude: number;
  longitude: number;
  radius: number;
}

export interface CheckinView {
  memberOpenid: string;
  memberName: string;
  workUnitName: string;
  partyBranch: string;
  communityId: string;
  communityName: string;
  status: CheckinStatus;
  standing: CheckinStanding;
  reportedAt: string;
  validUntil: string;
  /** Metres from the community's point at the time of 报到. */
  distance: number;
  accuracy: number;
  reviewedByName: string | null;
  reviewedAt: string | null;
  rejectReason: string | null;
}

export interface RosterEntry {
  memberOpenid: string;
  memberName: string;
  workUnitName: string;
  partyBranch: string;
  reportedAt: string;
  validUntil: string;
  standing: CheckinStanding;
  confirmedHours: number;
  activities: number;
}

export interface CommunityQrView {
  target: 'weapp' | 'h5';
  /** PNG as a data URL, to show, save and print. */
  image: string;
  scene: string;
  page: string;
  /** What the code opens: the H5 address, or the mini-program page with its scene. */
  opens: string;
}
