/**
 * Local dev login (h5 local builds only): the host's persona list and token exchange.
 * On weapp the identity is the WeChat user and none of this is reachable.
 */
import Taro from '@tarojs/taro';
import { DEV_OPENID_KEY, DEV_PERSONA_KEY, DEV_TOKEN_KEY } from './session';
import { CloudError, networkError, toCloudError } from './cloud-error';
import { randomToken } from './request-id';

export interface Persona {
  openid: string;
  role: string;
  label: string;
  description: string;
}

export type CurrentPersona = Pick<Persona, 'openid' | 'label' | 'role'>;

export const NEW_MEMBER_LABEL = '新党员（未登记）';
export const NEW_MEMBER_PREFIX = 'new-member-';

export const newMemberOpenid = (random: () => number = Math.random) => `${NEW_MEMBER_PREFIX}${randomToken(10, random)}`;

const isNewMemberEntry = (p: Persona) => p.role === 'new_member' || p.label === NEW_MEMBER_LABEL || p.openid.startsWith(NEW_MEMBER_PREFIX);

/**
 * The "new member" entry always gets an openid nobody has used, so each pick is a fresh, unregistered person.
 * The host may list the entry itself (its openid is replaced) or not (it is appended).
 */
export function withFreshNewMember(personas: Persona[], makeOpenid: () => string = newMemberOpenid): Persona[] {
  const fresh: Persona = {
    openid: makeOpenid(),
    role: 'resident',
    label: NEW_MEMBER_LABEL,
    description: '尚未登记的新用户，可体验在职党员登记',
  };
  const index = personas.findIndex(isNewMemberEntry);
  if (index === -1) return [...personas, fresh];
  return personas.map((p, i) => (i === index ? { ...fresh, ...p, openid: fresh.openid } : p));
}

/** Accepts a bare value or the same value inside an envelope. The local host answers `{ personas: [...] }`. */
function payloadOf(body: unknown): unknown {
  if (body && typeof body === 'object' && (body as { ok?: unknown }).ok === true) return (body as { data: unknown }).data;
  if (body && typeof body === 'object' && (body as { ok?: unknown }).ok === false) {
    const e = (body as { error?: { code?: string; message?: string } }).error;
    throw new CloudError(e?.code ?? 'INTERNAL', e?.message ?? '登录失败');
  }
  return body;
}

export function parsePersonas(body: unknown): Persona[] {
  const value = payloadOf(body);
  const wrapped = value as { personas?: unknown; items?: unknown } | null;
  const list = Array.isArray(value)
    ? value
    : Array.isArray(wrapped?.personas)
      ? (wrapped.personas as unknown[])
      : Array.isArray(wrapped?.items)
        ? (wrapped.items as unknown[])
        : null;
  if (!list) throw networkError({ reason: 'persona list is not an array' });
  return list
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && typeof (p as { openid?: unknown }).openid === 'string')
    .map((p) => ({
      openid: String(p.openid),
      role: String(p.role ?? ''),
      label: String(p.label ?? p.openid),
      description: String(p.description ?? ''),
    }));
}

export async function listPersonas(): Promise<Persona[]> {
  let body: unknown;
  try {
    const res = await Taro.request({ url: '/dev/personas', method: 'GET', dataType: 'json', timeout: 15000 });
    body = res.data;
  } catch (error) {
    throw toCloudError(error);
  }
  return withFreshNewMember(parsePersonas(body));
}

export async function devLogin(persona: CurrentPersona): Promise<void> {
  let body: unknown;
  try {
    const res = await Taro.request({
      url: '/dev/login',
      method: 'POST',
      data: { openid: persona.openid },
      header: { 'content-type': 'application/json' },
      dataType: 'json',
      timeout: 15000,
    });
    body = res.data;
  } catch (error) {
    throw toCloudError(error);
  }
  const token = (payloadOf(body) as { token?: unknown } | null)?.token;
  if (typeof token !== 'string' || !token) throw networkError({ reason: 'no token in /dev/login reply' });
  Taro.setStorageSync(DEV_TOKEN_KEY, token);
  Taro.setStorageSync(DEV_OPENID_KEY, persona.openid);
  Taro.setStorageSync(DEV_PERSONA_KEY, JSON.stringify({ openid: persona.openid, label: persona.label, role: persona.role }));
}

export function currentPersona(): CurrentPersona | null {
  const openid = Taro.getStorageSync(DEV_OPENID_KEY) as string | undefined;
  if (!openid) return null;
  try {
    const stored = JSON.parse((Taro.getStorageSync(DEV_PERSONA_KEY) as string) || '{}') as Partial<CurrentPersona>;
    if (stored.openid === openid) return { openid, label: stored.label ?? openid, role: stored.role ?? '' };
  } catch {
    // fall through: only the openid is known
  }
  return { openid, label: openid, role: '' };
}

export function devLogout(): void {
  Taro.removeStorageSync(DEV_TOKEN_KEY);
  Taro.removeStorageSync(DEV_OPENID_KEY);
  Taro.removeStorageSync(DEV_PERSONA_KEY);
}
