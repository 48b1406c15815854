import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  // Taro's dependency prebundle makes the weapp app.js require a prebundled `.wxss` as a JS module, so
  // `npm run dev:weapp` white-screened at start (NervJS/taro#13456). The production build never prebundles.
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
