import { ROUTES, urlOf, withQuery } from '@/routes';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
}

/** app.config.ts as Taro reads it for a target (it calls the global defineAppConfig and reads TARO_ENV). */
function appConfig(target: 'weapp' | 'h5'): AppConfig {
  const saved = process.env.TARO_ENV;
  process.env.TARO_ENV = target;
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  try {
    let config: AppConfig | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../../../src/app.config') as { default: AppConfig }).default;
    });
    return config as AppConfig;
  } finally {
    process.env.TARO_ENV = saved;
  }
}

const pagesOf = (config: AppConfig) => [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => `/${p}`);

describe('src/routes.ts against src/app.config.ts', () => {
  it('names every page of the H5 build (the one with the most pages) and nothing else', () => {
    expect([...Object.values(ROUTES)].sort()).toEqual(pagesOf(appConfig('h5')).sort());
  });

  it('has every weapp page; only the local persona picker is missing there', () => {
    const weapp = pagesOf(appConfig('weapp'));
    expect(Object.values(ROUTES).filter((r) => !weapp.includes(r))).toEqual([ROUTES.login]);
  });

  it('has a route for every tab', () => {
    const tabs = appConfig('weapp').tabBar.list.map((t) => `/${t.pagePath}`);
    for (const tab of tabs) expect(Object.values(ROUTES)).toContain(tab);
  });
});

describe('urlOf', () => {
  it('adds the query, encoded, leaving out empty values', () => {
    expect(urlOf('wishDetail', { id: 'a b' })).toBe('/pages/wish-detail/index?id=a%20b');
    expect(urlOf('noticeList', { communityId: undefined })).toBe('/pages/notice-list/index');
    expect(withQuery(ROUTES.serviceForm, { mode: 'correction', logId: '' })).toBe('/pages/records/service-form?mode=correction');
  });
});

describe('every page', () => {
  it('renders inside PageRoot, which carries 关怀模式 on weapp and the H5 title bar', () => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const path = jest.requireActual<typeof import('node:path')>('node:path');
    const sourceOf = (route: string) => {
      const base = path.join(__dirname, '../../../src', route);
      const file = [`${base}.tsx`, `${base}/index.tsx`].find((f) => fs.existsSync(f));
      if (!file) throw new Error(`no source for ${route}`);
      return fs.readFileSync(file, 'utf8');
    };
    const without = Object.values(ROUTES).filter((route) => !/<PageRoot[\s>]/.test(sourceOf(route)));
    expect(without).toEqual([]);
  });
});
