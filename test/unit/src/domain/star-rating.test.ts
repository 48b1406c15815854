import {
  assessmentIssues,
  eligibleStars,
  quotaRefusal,
  quotaUse,
  referenceSheet,
  scoreOf,
  sheetBase,
  starRefusal,
  starStatistics,
  type Stars,
} from '../../../../src/domain/star-rating';

const sheet = referenceSheet(2026);

describe('the reference scoring sheet', () => {
  it('has seven items worth 100 and a bonus of up to 10: 110 in all', () => {
    expect(sheet.items.map((i) => i.name)).toEqual(['领导班子', '骨干队伍', '活动阵地', '工作制度', '保障机制', '工作业绩', '群众评价']);
    expect(sheetBase(sheet)).toBe(100);
    expect(sheetBase(sheet) + sheet.bonusMax).toBe(110);
  });
});

describe('scoreOf', () => {
  it('deducts from 100 and an item loses at most its own points', () => {
    const score = scoreOf(sheet, {
      deductions: [
        { itemKey: 'venue', ruleCode: 'no-venue', points: 10, reason: '无场所' },
        { itemKey: 'venue', ruleCode: 'no-facilities', points: 5, reason: '无设施' },
        { itemKey: 'satisfaction', ruleCode: 'complaints', points: 10, reason: '投诉多' },
      ],
      bonus: 4,
    });
    expect(score.items.find((i) => i.key === 'venue')).toMatchObject({ deducted: 10, score: 0 });
    expect(score.base).toBe(80);
    expect(score.total).toBe(84);
  });
});

describe('assessmentIssues', () => {
  it('refuses a deduction without a reason, out of range, against a fixed rule, or an unknown item', () => {
    const issues = assessmentIssues(
      sheet,
      {
        deductions: [
          { itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '  ' },
          { itemKey: 'backbone', points: 11, reason: 'x' },
          { itemKey: 'venue', ruleCode: 'no-facilities', points: 3, reason: 'x' },
          { itemKey: 'nope', points: 1, reason: 'x' },
          { itemKey: 'rules', ruleCode: 'training-member', points: 4, reason: '两名党员学时不足' },
        ],
        bonus: 0,
      },
      false,
    );
    expect(issues).toEqual([
      { field: 'deductions.0.reason', message: '每项扣分都要写明理由' },
      { field: 'deductions.1.points', message: '扣分应在 0.5 至 10 分之间（以 0.5 分为单位）' },
      { field: 'deductions.2.points', message: '「有活动场所无教育设施」扣 5 分' },
      { field: 'deductions.3.itemKey', message: '评分项目不在本年度评分表中' },
    ]);
  });

  it('gives bonus points only for a recognised innovation project, at most 10', () => {
    expect(assessmentIssues(sheet, { deductions: [], bonus: 5 }, false)).toEqual([{ field: 'bonus', message: '只有经评定组织认定的党建创新项目可以加分' }]);
    expect(assessmentIssues(sheet, { deductions: [], bonus: 11 }, true)[0].field).toBe('bonus');
    expect(assessmentIssues(sheet, { deductions: [], bonus: 10 }, true)).toEqual([]);
  });
});

describe('eligibleStars and starRefusal', () => {
  const basis = (total: number, hasRecognisedProject = false, downgrades: never[] | ['mass-petition'] = []) => ({ total, hasRecognisedProject, downgrades });

  it.each([
    [95, true, 5],
    [90, true, 5],
    [95, false, 4],
    [89.5, true, 4],
    [80, false, 4],
    [79.5, false, 3],
    [70, false, 3],
    [60, false, 2],
    [59.5, false, 1],
  ] as const)('%s points, project %s → %s stars', (total, project, stars) => {
    expect(eligibleStars(basis(total, project))).toBe(stars);
  });

  it('caps a branch with a direct-downgrade condition at 二星 whatever its score', () => {
    expect(eligibleStars(basis(100, true, ['mass-petition']))).toBe(2);
    expect(starRefusal(basis(100, true, ['mass-petition']), 3, '')).toBe('存在直接定级情形，最高只能评为二星');
    expect(starRefusal(basis(100, true, ['mass-petition']), 1, '严重群访，定为一星')).toBeNull();
  });

  it('refuses five stars without a recognised project and a star above the score', () => {
    expect(starRefusal(basis(95), 5, '')).toBe('评为五星须有评定组织认定的党建创新项目');
    expect(starRefusal(basis(75), 4, '')).toBe('75 分最高只能评为三星');
  });

  it('needs a reason to rate below what the score allows', () => {
    expect(starRefusal(basis(92, true), 4, '')).toBe('得分可评五星，评为四星须写明理由');
    expect(starRefusal(basis(92, true), 4, '五星名额已满')).toBeNull();
  });
});

describe('quotas', () => {
  const many = (counts: Partial<Record<Stars, number>>): Stars[] =>
    ([5, 4, 3, 2, 1] as Stars[]).flatMap((s) => Array.from({ length: counts[s] ?? 0 }, () => s));

  it('rounds down on small sets: 10 % of 7 branches allows no five-star branch', () => {
    const set = many({ 5: 1, 4: 2, 3: 2, 2: 2 });
    expect(quotaUse(set).find((q) => q.label === '五星')).toMatchObject({ count: 1, limit: 0, exceeded: true });
    expect(quotaRefusal(set)).toBe('五星最多 0 个（7 个党组织的 10%），现有 1 个');
    expect(quotaRefusal(many({ 4: 2, 3: 2, 2: 3 }))).toBeNull();
  });

  it('allows exactly 10 %, 30 % and 40 % of 30 branches and names every quota broken', () => {
    expect(quotaRefusal(many({ 5: 3, 4: 9, 3: 12, 2: 6 }))).toBeNull();
    expect(quotaRefusal(many({ 5: 4, 4: 10, 3: 10, 2: 6 }))).toBe(
      '五星最多 3 个（30 个党组织的 10%），现有 4 个；四星最多 9 个（30 个党组织的 30%），现有 10 个',
    );
  });

  it('reports but does not enforce the 二星及以下 share, which the rater cannot raise', () => {
    const set = many({ 3: 2, 2: 3 });
    const low = quotaUse(set).find((q) => q.label === '二星及以下');
    expect(low).toMatchObject({ count: 3, limit: 1, exceeded: true, enforced: false });
    expect(quotaRefusal(set)).toBeNull();
  });
});

describe('starStatistics', () => {
  it('counts and shares each star per domain', () => {
    const table = starStatistics([
      { domain: '社区', stars: 5 },
      { domain: '社区', stars: 3 },
      { domain: '社区', stars: 3 },
      { domain: '社区', stars: 2 },
      { domain: '机关事业单位', stars: 4 },
    ]);
    expect(table[0]).toMatchObject({ domain: '社区', total: 4 });
    expect(table[0].byStar.find((b) => b.stars === 3)).toEqual({ stars: 3, count: 2, share: 0.5 });
    expect(table[1].byStar.find((b) => b.stars === 4)).toEqual({ stars: 4, count: 1, share: 1 });
  });
});
