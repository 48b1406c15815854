import Taro from '@tarojs/taro';

export interface Confirmation {
  /** The action, as the button says it: 认领心愿, 确认销号… */
  title: string;
  /** What will happen, and what cannot be undone. */
  content: string;
  /** At most 4 characters (WeChat's limit for showModal). */
  confirmText?: string;
}

/**
 * The one confirmation before an irreversible action (issue 14: 认领, 取消认领, 签退, 不满意, 释放, 撤销, 退回, 销号).
 * True only when the person taps the confirm button; cancelling or a failing dialog is a no.
 */
export async function confirmAction({ title, content, confirmText = '确定' }: Confirmation): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#c8161d' });
    return res.confirm === true;
  } catch {
    return false;
  }
}
