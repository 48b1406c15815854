/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own; decides minification. */
    NODE_ENV: 'development' | 'production';
    /** The build target. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Mini-program appid per environment (Taro reads it from .env files). */
    TARO_APP_ID?: string;
    /** 'true' in local H5 builds: dev login and the persona picker exist only then (config/index.ts). */
    TARO_APP_LOCAL?: string;
    /** The public H5 site (https://…) that certificate QR codes drawn on weapp open; empty: they carry the page path. */
    TARO_APP_PUBLIC_H5_ORIGIN?: string;
    /** CloudBase environment id for Taro.cloud.init on weapp; empty means the default environment. */
    TARO_APP_CLOUD_ENV?: string;
    /** Subscribe-message template ids, one per kind of src/domain/notice-templates.ts; empty skips asking for it. */
    [setting: `TARO_APP_TPL_${string}`]: string | undefined;
  }
}
