import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.scss';

// Before any page asks a function for anything. Without an env id WeChat uses the project's default environment.
if (process.env.TARO_ENV === 'weapp') {
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
