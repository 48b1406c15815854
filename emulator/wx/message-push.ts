import fs from 'node:fs';
import path from 'node:path';

/**
 * Where WeChat's message pushes go: cloudbaserc.json → messagePush, the repository's copy of the console setting
 * 云开发 → 设置 → 其他设置 → 消息推送 (one function per <MsgType, Event>, as WeChat allows).
 */
export interface MessagePushRoute {
  msgType: string;
  event: string;
  functionName: string;
}

const DEFAULT_CONFIG_FILE = path.resolve(__dirname, '../../cloudbaserc.json');

export function loadMessagePushRoutes(file: string = DEFAULT_CONFIG_FILE): MessagePushRoute[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { messagePush?: unknown };
  const routes = parsed.messagePush ?? [];
  if (!Array.isArray(routes)) throw new Error(`${file}: messagePush must be an array`);
  return routes.map((r: Record<string, unknown>, i) => {
    if (typeof r?.msgType !== 'string' || typeof r.event !== 'string' || typeof r.functionName !== 'string') {
      throw new Error(`${file}: messagePush[${i}] needs msgType, event and functionName`);
    }
    return { msgType: r.msgType, event: r.event, functionName: r.functionName };
  });
}
