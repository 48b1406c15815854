import { invalidArgument } from './errors';
import { nextDate } from './holiday-calendar';
import type { QaFigures } from './question.schema';
import { parseShanghaiDate } from './shanghai-time';

/** A community's 问政 figures over a period of ask dates (docs/domain.md §4: response, on time, resolution, satisfaction). */
export type FigureCounts = Pick<QaFigures, 'received' | 'answered' | 'answeredOnTime' | 'due' | 'closed' | 'rated' | 'satisfied'>;

export const MAX_PERIOD_DAYS = 366;

/** Shanghai dates from–to, both included, as the instants [start, end). */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  const start = parseShanghaiDate(from);
  const end = parseShanghaiDate(nextDate(to));
  if (!start) throw invalidArgument([{ field: 'from', message: '开始日期不是有效日期' }]);
  if (!end) throw invalidArgument([{ field: 'to', message: '结束日期不是有效日期' }]);
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw invalidArgument([{ field: 'to', message: `统计区间不能超过 ${MAX_PERIOD_DAYS} 天` }]);
  return { start, end };
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The figures as the public page names and defines them; `figuresFrom` computes each exactly so. */
export const FIGURE_DEFINITIONS = [
  { key: 'responseRate', label: '响应率', definition: '已答复的问题 ÷ 收到的问题' },
  { key: 'onTimeRate', label: '按期率', definition: '在答复期限内首次答复的问题 ÷ 已答复或已过答复期限的问题' },
  { key: 'resolutionRate', label: '解决率', definition: '已办结的问题 ÷ 收到的问题' },
  { key: 'satisfactionRate', label: '满意率', definition: '评价为满意或基本满意的问题 ÷ 已评价的问题（含不满意，以最近一次评价为准）' },
] as const satisfies readonly { key: keyof QaFigures; label: string; definition: string }[];

export function figuresFrom(counts: FigureCounts, period: { communityId: string; from: string; to: string }): QaFigures {
  return {
    ...period,
    ...counts,
    responseRate: share(counts.answered, counts.received),
    onTimeRate: share(counts.answeredOnTime, counts.due),
    resolutionRate: share(counts.closed, counts.received),
    satisfactionRate: share(counts.satisfied, counts.rated),
  };
}
