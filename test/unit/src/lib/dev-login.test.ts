const store = new Map<string, unknown>();
const mockTaro = {
  request: jest.fn(),
  getStorageSync: jest.fn((k: string) => store.get(k) ?? ''),
  setStorageSync: jest.fn((k: string, v: unknown) => store.set(k, v)),
  removeStorageSync: jest.fn((k: string) => store.delete(k)),
};
// A getter: imports are hoisted above this file's constants, the module reads Taro only when called.
jest.mock('@tarojs/taro', () => ({ __esModule: true, get default() { return mockTaro; } }));
const taro = mockTaro;

import { currentPersona, devLogin, devLogout, listPersonas, parsePersonas, withFreshNewMember, type Persona } from '@/lib/dev-login';
import { idSchema } from '@/domain/validation';

const p = (openid: string, role = 'resident', label = openid): Persona => ({ openid, role, label, description: '' });

beforeEach(() => {
  store.clear();
  jest.clearAllMocks();
});

describe('the new-member persona', () => {
  it('replaces the host’s entry openid with a fresh one each time', () => {
    const list = [p('demo-resident'), p('demo-new-member', 'new_member', '新党员（未登记）')];
    const a = withFreshNewMember(list);
    const b = withFreshNewMember(list);
    expect(a).toHaveLength(2);
    expect(a[1].label).toBe('新党员（未登记）');
    expect(a[1].openid).toMatch(/^new-member-/);
    expect(a[1].openid).not.toBe(b[1].openid);
    expect(idSchema('用户').safeParse(a[1].openid).success).toBe(true);
  });

  it('is appended when the host does not list it', () => {
    const out = withFreshNewMember([p('demo-admin', 'admin')]);
    expect(out.map((x) => x.label)).toEqual(['demo-admin', '新党员（未登记）']);
  });
});

describe('parsePersonas', () => {
  it('reads a bare array, { personas }, { items } or an envelope', () => {
    const raw = [{ openid: 'a', role: 'admin', label: '系统管理员', description: 'd' }];
    for (const body of [raw, { personas: raw }, { items: raw }, { ok: true, data: raw }]) {
      expect(parsePersonas(body)).toEqual(raw);
    }
  });

  it('says 网络异常 when the reply is not a list', () => {
    expect(() => parsePersonas('<html>')).toThrow('网络异常，请稍后重试');
  });
});

describe('devLogin', () => {
  it('stores the token, the openid and the label', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: { token: 't-1' } });
    await devLogin({ openid: 'demo-admin', label: '系统管理员', role: 'admin' });
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/dev/login', method: 'POST', data: { openid: 'demo-admin' } }));
    expect(store.get('devToken')).toBe('t-1');
    expect(store.get('devOpenid')).toBe('demo-admin');
    expect(currentPersona()).toEqual({ openid: 'demo-admin', label: '系统管理员', role: 'admin' });
    devLogout();
    expect(currentPersona()).toBeNull();
  });

  it('fails plainly when no token comes back', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: {} });
    await expect(devLogin({ openid: 'x', label: 'x', role: '' })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(store.has('devToken')).toBe(false);
  });

  it('lists personas with a fresh new member', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: { personas: [p('demo-new-member', 'new_member', '新党员（未登记）')] } });
    const list = await listPersonas();
    expect(list[0].openid).toMatch(/^new-member-/);
  });
});
