/** Display helpers for wish views. Pure. */
export function formatDay(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function formatMinute(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${formatDay(iso)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export const formatYuan = (value: number) => `¥${Number.isInteger(value) ? value : value.toFixed(2)}`;

export const formatShare = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

export const URGENCY_LABELS = { ok: '办理中', 'due-soon': '临近期限', overdue: '已超期' } as const;

/** Where a claim stands, in words: days left, or how long it is overdue (a claim past its deadline has no days left). */
export function claimProgress(claim: { urgency: keyof typeof URGENCY_LABELS; daysLeft: number }): string {
  if (claim.urgency === 'overdue') return `${URGENCY_LABELS.overdue}（已逾期 ${Math.max(1, -claim.daysLeft)} 天）`;
  return `${URGENCY_LABELS[claim.urgency]}（剩余 ${Math.max(0, claim.daysLeft)} 天）`;
}

/** The claimant's next step once the contact is shown (issue 14: after each step, the next one is said). */
export const CLAIMANT_NEXT_STEP = '下一步：请尽快联系心愿人约好时间；送达后点「确认送达」上传照片，完成后请对方确认收到，心愿即销号。';
