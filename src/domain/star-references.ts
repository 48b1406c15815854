import { PLEDGE_GRADE_LABELS, PLEDGE_GRADES, type PledgeGrade } from './pledge';
import { fourLinksFigures } from './quarterly-table';
import type { CounterValues } from './stat-counters';

/**
 * The reference figures shown beside the items of 自评 and 审核 (docs/domain.md "五星创评"): what the system already
 * knows about the branch this year, computed from the records, never typed. Pure: the handler reads, this words.
 */
export interface StarReference {
  itemKey: string;
  label: string;
  value: string;
}

export interface StarReferenceFacts {
  /** Grades of the branch's approved pledges of the year (null: not yet rated). */
  pledgeGrades: (PledgeGrade | null)[];
  /** The branch's members' confirmed service of the year (from their summaries). */
  service: { members: number; serving: number; hours: number; activities: number };
  /** 四进四联 month counters of the branch's community or unit, the year so far. */
  fourLinks: { scopeLabel: string; counters: CounterValues[] } | null;
  /** 问政 of the branch's community, the year so far. */
  questions: { received: number; rated: number; satisfactionRate: number | null } | null;
  projectTitles: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function starReferences(facts: StarReferenceFacts): StarReference[] {
  const refs: StarReference[] = [];
  const count = (g: PledgeGrade | null) => facts.pledgeGrades.filter((x) => x === g).length;
  const graded = PLEDGE_GRADES.map((g) => `${PLEDGE_GRADE_LABELS[g]} ${count(g)} 项`).join('，');
  refs.push({ itemKey: 'backbone', label: '党员承诺践诺', value: `本年度定诺 ${facts.pledgeGrades.length} 项：${graded}，尚未评定 ${count(null)} 项` });
  const s = facts.service;
  refs.push({
    itemKey: 'backbone',
    label: '党员志愿服务',
    value: `本支部 ${s.members} 名党员中 ${s.serving} 名本年度有经确认的志愿服务，共 ${round1(s.hours)} 小时、${s.activities} 次`,
  });
  if (facts.fourLinks) {
    const figures = fourLinksFigures(facts.fourLinks.counters);
    refs.push({ itemKey: 'performance', label: `${facts.fourLinks.scopeLabel}“四进四联”（本年度）`, value: figures.map((f) => `${f.title} ${f.value}`).join('，') });
  }
  if (facts.questions) {
    const q = facts.questions;
    const rate = q.satisfactionRate === null ? '暂无评价' : `${Math.round(q.satisfactionRate * 100)}%`;
    refs.push({ itemKey: 'satisfaction', label: '所在社区网络问政', value: `收到问题 ${q.received} 条，满意率 ${rate}（${q.rated} 条评价）` });
  }
  refs.push({ itemKey: 'bonus', label: '已验收的党建创新项目', value: facts.projectTitles.length > 0 ? facts.projectTitles.join('、') : '无' });
  return refs;
}
