import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { templateEnv } from './template-env';

/**
 * Build-time switches, read once from the real environment (Taro's .env files override them, see README of config below).
 * - TARO_APP_LOCAL: 'true' turns on the dev login (persona picker). The H5 build exists only for local use and browser
 *   tests, so it defaults to 'true' there; weapp is never local. Set TARO_APP_LOCAL=false to build an H5 without it.
 * - TARO_APP_CLOUD_ENV: CloudBase env id for Taro.cloud.init on weapp; empty means WeChat's default environment.
 * - TARO_APP_PUBLIC_H5_ORIGIN: the public H5 site (https://…) that certificate QR codes drawn on weapp open; empty, they
 *   carry the mini-program page path that the in-app 证明核验 scanner reads (src/lib/verify-link.weapp.ts).
 * - TARO_APP_TPL_*: subscribe-message template ids, one per kind of src/domain/notice-templates.ts (the functions send
 *   with the same variables), from the environment or Taro's .env files; an empty one is not asked for. A local H5
 *   build ignores them and uses the local platform's ids (src/lib/subscribe-message.ts).
 */
function buildEnv(): Record<string, string> {
  const isH5 = process.env.TARO_ENV === 'h5';
  const local = isH5 ? process.env.TARO_APP_LOCAL !== 'false' : false;
  return {
    TARO_APP_LOCAL: JSON.stringify(local ? 'true' : 'false'),
    TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    TARO_APP_PUBLIC_H5_ORIGIN: JSON.stringify(process.env.TARO_APP_PUBLIC_H5_ORIGIN ?? ''),
    ...templateEnv(),
  };
}

function quietSizeHints(chain: any): void {
  // webpack's 244 KiB web hint is noise here: package sizes are checked by scripts/check-weapp.ts.
  chain.performance.hints(false);
}

/**
 * H5: Taro splits only initial chunks, so every lazily loaded page carried its own copy of zod, NutUI and the
 * shared features (two pages of ~280 KB each). Splitting async chunks too puts shared code in shared chunks.
 */
function h5Chain(chain: any): void {
  quietSizeHints(chain);
  const splitChunks = chain.optimization.get('splitChunks');
  if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 20000 });
}

/** NutUI is drawn on a 375 design, our own styles on 750. */
function designWidth(input?: unknown): number {
  const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined;
  if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
  return 750;
}

// Each target gets its own folder, or the two builds overwrite each other. dist/weapp is what WeChat DevTools opens.
// TARO_OUTPUT_ROOT lets parallel work build into a private folder.
const outputRoot = process.env.TARO_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'party-community-service',
    date: '2025-11-22',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    // NutUI's icons (loading spinner, input clear button) are HTML `<i>` elements; without this plugin the weapp
    // templates have no `tmpl_0_i` and the icons are not rendered (WXMLRT warning on every page). H5 renders HTML already.
    plugins: process.env.TARO_ENV === 'h5' ? [] : ['@tarojs/plugin-html'],
    defineConstants: {},
    env: buildEnv(),
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Subpackage-only modules stay in their subpackage, keeping the main package small.
      optimizeMainPackage: { enable: true },
      // NutUI's per-component CSS is order-independent; silences mini-css-extract's "Conflicting order".
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: quietSizeHints,
      // project.config.json has setting.es6 false, so WeChat does not transpile: babel must bring zod's ES2020 syntax
      // (?. ?? class fields) down to what the declared base library runs; test/weapp/syntax.test.ts scans the build.
      compile: { include: [(file: string) => /node_modules[\\/]zod[\\/]/.test(file)] },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain: h5Chain,
      // Lets pxtransform and babel see NutUI's sources in the H5 build as well.
      esnextModules: ['nutui-react'],
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
