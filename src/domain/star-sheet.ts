import type { DeductionRule, SheetIssue, SheetItem, StarSheet } from './star-rating';

/**
 * Refining a year's scoring sheet (docs/domain.md "五星创评"): the rating organisation rewrites an item's 评分要点 and
 * 评分办法 while the sheet is a draft. The items and their points are the reference standard's (001 fixes them;
 * only the "评分要点、评分办法" are left to the rating organisation), so an edit carries no points of its own.
 */
export const RULE_KINDS = ['fixed', 'perCase', 'discretion'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Record<RuleKind, string> = { fixed: '固定扣分', perCase: '按例扣分（每例）', discretion: '酌情扣分' };

export const SHEET_TEXT_MAX = 60;
export const SHEET_POINTS_MAX = 10;
export const SHEET_RULES_MAX = 12;

export interface RuleEdit {
  code?: string;
  text: string;
  points: number;
  kind: RuleKind;
}

export interface ItemEdit {
  key: string;
  scoringPoints: string[];
  rules: RuleEdit[];
}

export const kindOf = (rule: DeductionRule): RuleKind => (rule.points === 0 ? 'discretion' : rule.perCase ? 'perCase' : 'fixed');

/** The sheet a year starts from: the rating organisation's sheet of the year before, else the reference standard. */
export const startingSheet = (year: number, previous: StarSheet | null, reference: StarSheet): { sheet: StarSheet; source: string } =>
  previous ? { sheet: { ...previous, year }, source: `${previous.year} 年度评分表` } : { sheet: { ...reference, year }, source: '参考标准' };

/** A rule's code: kept when the edit names one of the item's codes once, else a new one the item does not use yet. */
function codesFor(item: SheetItem, rules: RuleEdit[]): string[] {
  const known = new Set(item.rules.map((r) => r.code));
  const used = new Set<string>();
  const kept = rules.map((r) => (r.code && known.has(r.code) && !used.has(r.code) ? (used.add(r.code), r.code) : null));
  let n = 1;
  return kept.map((code) => {
    if (code) return code;
    while (used.has(`${item.key}-${n}`) || known.has(`${item.key}-${n}`)) n++;
    const fresh = `${item.key}-${n}`;
    used.add(fresh);
    return fresh;
  });
}

/**
 * The edited sheet, or what is wrong with the edit beside its field. No rule can take more than its item's points
 * (an item loses at most its own points); a 酌情 rule has no fixed points (the assessor sets them).
 */
export function applySheetEdit(base: StarSheet, items: ItemEdit[]): { sheet: StarSheet; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  const keys = base.items.map((i) => i.key);
  if (items.length !== keys.length || items.some((it, i) => it.key !== keys[i])) {
    return { sheet: base, issues: [{ field: 'items', message: '评分项目和分值按参考标准，不能增删或调换' }] };
  }
  const edited = base.items.map((item, i): SheetItem => {
    const edit = items[i];
    edit.scoringPoints.forEach((text, j) => {
      if (text.trim().length === 0) issues.push({ field: `items.${i}.scoringPoints.${j}`, message: '评分要点不能为空' });
    });
    const codes = codesFor(item, edit.rules);
    const rules = edit.rules.map((rule, j): DeductionRule => {
      const field = `items.${i}.rules.${j}`;
      if (rule.text.trim().length === 0) issues.push({ field: `${field}.text`, message: '评分办法不能为空' });
      if (rule.kind === 'discretion') {
        if (rule.points !== 0) issues.push({ field: `${field}.points`, message: '酌情扣分不设固定分值' });
      } else if (!Number.isFinite(rule.points) || rule.points <= 0 || Math.round(rule.points * 2) !== rule.points * 2) {
        issues.push({ field: `${field}.points`, message: '扣分应以 0.5 分为单位且大于 0' });
      } else if (rule.points > item.points) {
        issues.push({ field: `${field}.points`, message: `扣分不能超过「${item.name}」的分值 ${item.points} 分` });
      }
      return { code: codes[j], text: rule.text.trim(), points: rule.kind === 'discretion' ? 0 : rule.points, ...(rule.kind === 'perCase' ? { perCase: true } : {}) };
    });
    if (rules.length === 0) issues.push({ field: `items.${i}.rules`, message: '每个项目至少要有一条评分办法' });
    return { ...item, scoringPoints: edit.scoringPoints.map((t) => t.trim()), rules };
  });
  return { sheet: { ...base, items: edited }, issues };
}
