// The screens run as the H5 build does (src/lib picks the platform from TARO_ENV at call time); not the local
// persona build, so no dev-login redirects or local subscription dialogs.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_LOCAL = 'false';
