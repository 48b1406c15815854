/**
 * 五星创评: the scoring sheet, the score, the star a score allows, the quotas and the direct downgrades.
 * The rules of docs/domain.md "五星创评" in one place; the functions, the screens and the tests all use these.
 */

export type Stars = 1 | 2 | 3 | 4 | 5;
export const STAR_LEVELS: readonly Stars[] = [5, 4, 3, 2, 1];
export const STAR_LABELS: Record<Stars, string> = { 5: '五星', 4: '四星', 3: '三星', 2: '二星', 1: '一星' };

export interface DeductionRule {
  code: string;
  /** The sheet's 评分办法 sentence. */
  text: string;
  /** Points it takes; 0 means 酌情 (the assessor sets the points). */
  points: number;
  /** Counted per case (per person short of training): the deduction is a multiple of `points`. */
  perCase?: boolean;
}

export interface SheetItem {
  key: string;
  name: string;
  points: number;
  /** 评分要点 */
  scoringPoints: string[];
  /** 评分办法 */
  rules: DeductionRule[];
}

export interface StarSheet {
  year: number;
  items: SheetItem[];
  /** 加分项目: at most this many points, only for an innovation project recognised by the rating level. */
  bonusMax: number;
}

const discretion = (code: string): DeductionRule => ({ code, text: '其他指标酌情扣分', points: 0 });

/** The reference standard (机关事业单位党组织“五星创评”参考标准): 7 items deducted from 100, plus up to 10 bonus points. */
export const REFERENCE_ITEMS: SheetItem[] = [
  {
    key: 'leadership',
    name: '领导班子',
    points: 15,
    scoringPoints: ['书记政治素质、党性观念和落实党建工作责任', '组织结构、核心作用和党的活动', '按期换届', '党员队伍建设、发展党员和先锋模范作用', '直接联系服务群众、民主集中制和廉洁自律'],
    rules: [
      { code: 'no-reelection', text: '不按期换届', points: 5 },
      { code: 'incomplete-committee', text: '班子不健全', points: 5 },
      { code: 'no-activity-half-year', text: '半年以上不开展党的活动', points: 5 },
      discretion('leadership-other'),
    ],
  },
  {
    key: 'backbone',
    name: '骨干队伍',
    points: 10,
    scoringPoints: ['专兼职党务工作人员配备', '党员队伍建设、管理和作用发挥', '党员承诺践诺、志愿服务'],
    rules: [
      { code: 'no-fulltime-worker', text: '党员 50 人以上未配备专职党务干部', points: 5 },
      { code: 'no-volunteering', text: '未定期开展党员志愿服务', points: 3 },
      discretion('backbone-other'),
    ],
  },
  {
    key: 'venue',
    name: '活动阵地',
    points: 10,
    scoringPoints: ['党员活动场所建设和使用', '宣传教育设施配备和使用'],
    rules: [
      { code: 'no-venue', text: '无党员活动场所', points: 10 },
      { code: 'no-facilities', text: '有活动场所无教育设施', points: 5 },
      discretion('venue-other'),
    ],
  },
  {
    key: 'rules',
    name: '工作制度',
    points: 10,
    scoringPoints: ['“三会一课”、民主评议党员、党性分析、激励关怀帮扶制度', '思想状况分析和书记谈心制度', '书记列席重要会议、参与重大决策', '党务公开和民主管理', '党员直接联系服务群众长效机制', '书记述职并接受评议'],
    rules: [
      { code: 'three-meetings', text: '“三会一课”不落实', points: 2 },
      { code: 'member-review', text: '民主评议党员不落实', points: 2 },
      { code: 'openness', text: '党务公开不落实', points: 2 },
      { code: 'no-secretary-report', text: '不开展书记述职和评议', points: 5 },
      { code: 'training-leader', text: '1 名班子成员年培训少于 40 学时', points: 3, perCase: true },
      { code: 'training-member', text: '1 名普通党员年培训少于 24 学时', points: 2, perCase: true },
      discretion('rules-other'),
    ],
  },
  {
    key: 'support',
    name: '保障机制',
    points: 10,
    scoringPoints: ['党组织工作经费保障', '党务工作者培训、保障和激励'],
    rules: [
      { code: 'no-funds', text: '没有党组织工作经费', points: 5 },
      { code: 'short-funds', text: '经费不能满足正常工作需要', points: 3 },
      discretion('support-other'),
    ],
  },
  {
    key: 'performance',
    name: '工作业绩',
    points: 20,
    scoringPoints: ['落实上级部署的任务', '围绕中心、履行职责', '联系服务群众（四进四联）', '精神文明创建和单位文化', '年度考核和上级表彰', '党建带群建'],
    rules: [
      { code: 'low-ranking', text: '党建或业务年度考核排名靠后', points: 10 },
      { code: 'mass-orgs', text: '群团组织不健全或不发挥作用', points: 5 },
      discretion('performance-other'),
    ],
  },
  {
    key: 'satisfaction',
    name: '群众评价',
    points: 25,
    scoringPoints: ['党员群众和服务对象测评满意度', '活动在党员群众中的反响', '服务意识、办事效率、信访投诉', '群众对服务基层、服务群众的反响'],
    rules: [
      { code: 'low-satisfaction', text: '测评满意度较低', points: 10 },
      { code: 'complaints', text: '群众信访或投诉较多', points: 10 },
      discretion('satisfaction-other'),
    ],
  },
];

export const REFERENCE_BONUS_MAX = 10;

export const referenceSheet = (year: number): StarSheet => ({ year, items: REFERENCE_ITEMS, bonusMax: REFERENCE_BONUS_MAX });

/** The sheet's base: the seven items add up to 100 (前 7 项总分 100 分逐项扣分). */
export const sheetBase = (sheet: StarSheet) => sheet.items.reduce((sum, item) => sum + item.points, 0);

export interface Deduction {
  itemKey: string;
  /** The rule it applies, or undefined for a deduction with its own reason. */
  ruleCode?: string;
  points: number;
  reason: string;
}

export interface Assessment {
  deductions: Deduction[];
  /** 加分, 0 … sheet.bonusMax; only with a recognised innovation project. */
  bonus: number;
}

export interface SheetIssue {
  field: string;
  message: string;
}

/** What is wrong with an assessment against its sheet, in Chinese beside the field; empty when it can be scored. */
export function assessmentIssues(sheet: StarSheet, assessment: Assessment, hasRecognisedProject: boolean): SheetIssue[] {
  const issues: SheetIssue[] = [];
  assessment.deductions.forEach((d, i) => {
    const field = `deductions.${i}`;
    const item = sheet.items.find((it) => it.key === d.itemKey);
    if (!item) return void issues.push({ field: `${field}.itemKey`, message: '评分项目不在本年度评分表中' });
    const rule = d.ruleCode === undefined ? undefined : item.rules.find((r) => r.code === d.ruleCode);
    if (d.ruleCode !== undefined && !rule) issues.push({ field: `${field}.ruleCode`, message: `「${item.name}」没有这条评分办法` });
    if (!Number.isFinite(d.points) || d.points <= 0 || d.points > item.points || Math.round(d.points * 2) !== d.points * 2)
      issues.push({ field: `${field}.points`, message: `扣分应在 0.5 至 ${item.points} 分之间（以 0.5 分为单位）` });
    else if (rule && rule.points > 0 && (rule.perCase ? d.points % rule.points !== 0 : d.points !== rule.points))
      issues.push({ field: `${field}.points`, message: rule.perCase ? `「${rule.text}」每例扣 ${rule.points} 分` : `「${rule.text}」扣 ${rule.points} 分` });
    if (d.reason.trim().length === 0) issues.push({ field: `${field}.reason`, message: '每项扣分都要写明理由' });
  });
  if (!Number.isFinite(assessment.bonus) || assessment.bonus < 0 || assessment.bonus > sheet.bonusMax)
    issues.push({ field: 'bonus', message: `加分应在 0 至 ${sheet.bonusMax} 分之间` });
  else if (assessment.bonus > 0 && !hasRecognisedProject)
    issues.push({ field: 'bonus', message: '只有经评定组织认定的党建创新项目可以加分' });
  return issues;
}

export interface ItemResult {
  key: string;
  name: string;
  points: number;
  deducted: number;
  score: number;
}

export interface Score {
  items: ItemResult[];
  /** The seven items after deductions (0 … 100). */
  base: number;
  bonus: number;
  total: number;
}

/** Each item loses at most its own points (每个项目分值扣完为止); the bonus is added on top. */
export function scoreOf(sheet: StarSheet, assessment: Assessment): Score {
  const items = sheet.items.map((item) => {
    const asked = assessment.deductions.filter((d) => d.itemKey === item.key).reduce((sum, d) => sum + d.points, 0);
    const deducted = Math.min(item.points, asked);
    return { key: item.key, name: item.name, points: item.points, deducted, score: item.points - deducted };
  });
  const base = items.reduce((sum, it) => sum + it.score, 0);
  const bonus = Math.min(Math.max(assessment.bonus, 0), sheet.bonusMax);
  return { items, base, bonus, total: base + bonus };
}

/** 直接定为“二星”或“一星”的情形. */
export const DIRECT_DOWNGRADES = [
  { code: 'serious-violation', text: '近两年书记或领导班子有重大违纪违法行为' },
  { code: 'no-reelection-or-activity', text: '长期不换届或 1 年以上不开展党的活动' },
  { code: 'mass-petition', text: '近一年单位有严重群访事件' },
  { code: 'satisfaction-below-half', text: '党员群众和服务对象测评满意度低于 50%' },
] as const;
export type DirectDowngrade = (typeof DIRECT_DOWNGRADES)[number]['code'];

/** The lowest score for each star (得分一般在 … 分以上). */
export const STAR_THRESHOLDS: Record<Exclude<Stars, 1>, number> = { 5: 90, 4: 80, 3: 70, 2: 60 };

export interface StarBasis {
  total: number;
  /** An innovation project recognised by the rating level (five stars need one). */
  hasRecognisedProject: boolean;
  downgrades: readonly DirectDowngrade[];
}

/** The highest star the rules allow; a direct-downgrade condition caps it at 二星. */
export function eligibleStars(basis: StarBasis): Stars {
  let stars: Stars = 1;
  if (basis.total >= STAR_THRESHOLDS[2]) stars = 2;
  if (basis.total >= STAR_THRESHOLDS[3]) stars = 3;
  if (basis.total >= STAR_THRESHOLDS[4]) stars = 4;
  if (basis.total >= STAR_THRESHOLDS[5] && basis.hasRecognisedProject) stars = 5;
  if (basis.downgrades.length > 0 && stars > 2) stars = 2;
  return stars;
}

/**
 * Whether a proposed star follows from the rules: never above what the score allows (a lower star is a judgement —
 * a quota, a fact the score misses — and needs a reason).
 */
export function starRefusal(basis: StarBasis, proposed: Stars, reason: string): string | null {
  const allowed = eligibleStars(basis);
  if (proposed > allowed) {
    if (basis.downgrades.length > 0) return `存在直接定级情形，最高只能评为${STAR_LABELS[2]}`;
    if (proposed === 5 && basis.total >= STAR_THRESHOLDS[5] && !basis.hasRecognisedProject) return '评为五星须有评定组织认定的党建创新项目';
    return `${basis.total} 分最高只能评为${STAR_LABELS[allowed]}`;
  }
  if (proposed < allowed && reason.trim().length === 0) return `得分可评${STAR_LABELS[allowed]}，评为${STAR_LABELS[proposed]}须写明理由`;
  return null;
}

/**
 * Quotas within the rating organisation (比例在 …% 以内). "以内" is a ceiling, so counts round down: 10 % of 7
 * branches is 0.7, so none of the 7 may be five-star. The 二星及以下 share is a ceiling on a distribution the rater
 * does not choose — a branch's star may not be raised above its score to meet it — so it is reported, not enforced.
 */
export const STAR_QUOTAS = [
  { stars: [5] as Stars[], share: 0.1, label: '五星', enforced: true },
  { stars: [4] as Stars[], share: 0.3, label: '四星', enforced: true },
  { stars: [3] as Stars[], share: 0.4, label: '三星', enforced: true },
  { stars: [2, 1] as Stars[], share: 0.2, label: '二星及以下', enforced: false },
];

export interface QuotaUse {
  label: string;
  count: number;
  /** The most branches allowed. */
  limit: number;
  share: number;
  enforced: boolean;
  exceeded: boolean;
}

/** How a set of stars uses the quotas of an organisation rating `total` branches (the branches it rates). */
export function quotaUse(stars: readonly Stars[], total = stars.length): QuotaUse[] {
  return STAR_QUOTAS.map((q) => {
    const count = stars.filter((s) => q.stars.includes(s)).length;
    // Integer arithmetic: 0.1 * 30 is 3.0000000000000004 in floating point.
    const limit = Math.floor((Math.round(q.share * 100) * total) / 100);
    return { label: q.label, count, limit, share: q.share, enforced: q.enforced, exceeded: count > limit };
  });
}

/** The refusal of a set that breaks an enforced quota, naming each; null when the set may be confirmed. */
export function quotaRefusal(stars: readonly Stars[], total = stars.length): string | null {
  const broken = quotaUse(stars, total).filter((q) => q.enforced && q.exceeded);
  if (broken.length === 0) return null;
  return broken.map((q) => `${q.label}最多 ${q.limit} 个（${total} 个党组织的 ${Math.round(q.share * 100)}%），现有 ${q.count} 个`).join('；');
}

/** 星级评定情况统计表: per domain, the count and share of each star. */
export function starStatistics(rows: readonly { domain: string; stars: Stars }[]) {
  const domains = [...new Set(rows.map((r) => r.domain))];
  return domains.map((domain) => {
    const of = rows.filter((r) => r.domain === domain);
    const byStar = STAR_LEVELS.map((s) => {
      const count = of.filter((r) => r.stars === s).length;
      return { stars: s, count, share: of.length === 0 ? 0 : count / of.length };
    });
    return { domain, total: of.length, byStar };
  });
}
