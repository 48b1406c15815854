import fs from 'node:fs';
import path from 'node:path';

/**
 * WeChat's 消息推送 routes (cloudbaserc.json → messagePush). Neither manager-node nor any CloudBase API sets them:
 * WeChat keeps them in the mini-program's own settings (WeChat DevTools → 云开发 → 设置 → 其他设置 → 消息推送,
 * 推送模式 云函数), so the deploy names each one as a step for a person, on every run.
 */
export function messagePushSteps(root: string): string[] {
  const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { messagePush?: Array<{ msgType: string; event: string; functionName: string }> };
  return (rc.messagePush ?? []).map(
    (r) => `console step (once per environment, not done by deploy): 云开发 → 设置 → 其他设置 → 消息推送 → 添加: 消息类型 ${r.msgType}, 事件类型 ${r.event}, 云函数 ${r.functionName}`,
  );
}
