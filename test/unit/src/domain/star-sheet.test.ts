import { referenceSheet } from '../../../../src/domain/star-rating';
import { applySheetEdit, kindOf, startingSheet, type ItemEdit } from '../../../../src/domain/star-sheet';
import { upgradeApplyRefusal, upgradeApproveRefusal } from '../../../../src/domain/star-upgrade';

const reference = referenceSheet(2026);
const asEdit = (): ItemEdit[] => reference.items.map((item) => ({ key: item.key, scoringPoints: [...item.scoringPoints], rules: item.rules.map((r) => ({ code: r.code, text: r.text, points: r.points, kind: kindOf(r) })) }));

describe('refining a year’s sheet', () => {
  it('keeps the reference sheet unchanged when nothing is edited', () => {
    expect(applySheetEdit(reference, asEdit())).toEqual({ sheet: reference, issues: [] });
  });

  it('keeps the items and their points: an edit cannot drop, add or reorder them', () => {
    const edit = asEdit();
    expect(applySheetEdit(reference, edit.slice(1)).issues).toEqual([{ field: 'items', message: '评分项目和分值按参考标准，不能增删或调换' }]);
    expect(applySheetEdit(reference, [edit[1], edit[0], ...edit.slice(2)]).issues).toHaveLength(1);
  });

  it('refuses a rule that deducts more than its item’s points, or not in half points, beside the field', () => {
    const edit = asEdit();
    edit[1].rules[0].points = 10.5; // 骨干队伍 is worth 10
    edit[2].rules[1].points = 0.3;
    expect(applySheetEdit(reference, edit).issues).toEqual([
      { field: 'items.1.rules.0.points', message: '扣分不能超过「骨干队伍」的分值 10 分' },
      { field: 'items.2.rules.1.points', message: '扣分应以 0.5 分为单位且大于 0' },
    ]);
    edit[1].rules[0].points = 10;
    edit[2].rules[1].points = 0.5;
    expect(applySheetEdit(reference, edit).issues).toEqual([]);
  });

  it('gives a 酌情 rule no fixed points, and new rules codes the item does not use yet', () => {
    const edit = asEdit();
    edit[0].rules.push({ text: '班子成员分工不明确', points: 2, kind: 'fixed' }, { text: '每名委员缺席组织生活', points: 1, kind: 'perCase' }, { code: 'no-reelection', text: '重复编号', points: 5, kind: 'fixed' });
    const { sheet, issues } = applySheetEdit(reference, edit);
    expect(issues).toEqual([]);
    expect(sheet.items[0].rules.slice(-3)).toEqual([
      { code: 'leadership-1', text: '班子成员分工不明确', points: 2 },
      { code: 'leadership-2', text: '每名委员缺席组织生活', points: 1, perCase: true },
      { code: 'leadership-3', text: '重复编号', points: 5 },
    ]);
    edit[3].rules[0] = { ...edit[3].rules[0], kind: 'discretion' };
    expect(applySheetEdit(reference, edit).issues).toEqual([{ field: 'items.3.rules.0.points', message: '酌情扣分不设固定分值' }]);
  });

  it('starts a year from the year before, else from the reference standard', () => {
    expect(startingSheet(2027, null, referenceSheet(2027))).toMatchObject({ source: '参考标准', sheet: { year: 2027 } });
    expect(startingSheet(2027, reference, referenceSheet(2027))).toMatchObject({ source: '2026 年度评分表', sheet: { year: 2027, items: reference.items } });
  });
});

describe('升级增星', () => {
  it('takes an application only while the rating stands, below five stars, one at a time', () => {
    expect(upgradeApplyRefusal('publicised', 3, false)).toBeNull();
    expect(upgradeApplyRefusal('objected', 3, false)).toBe('只有评定结果已公布（且无待处理异议）的党支部可以申请升级');
    expect(upgradeApplyRefusal('reviewed', null, false)).toBe('只有评定结果已公布（且无待处理异议）的党支部可以申请升级');
    expect(upgradeApplyRefusal('publicised', 5, false)).toBe('已是五星，不能再升级');
    expect(upgradeApplyRefusal('publicised', 3, true)).toBe('已有待审批的升级申请，请等待评定组织答复');
  });

  it('raises one star from the star applied at; five stars need a recognised innovation project', () => {
    expect(upgradeApproveRefusal('publicised', 3, 3, false)).toBeNull();
    expect(upgradeApproveRefusal('publicised', 4, 4, false)).toBe('升为五星须有评定组织认定的党建创新项目');
    expect(upgradeApproveRefusal('publicised', 4, 4, true)).toBeNull();
    expect(upgradeApproveRefusal('publicised', 2, 3, true)).toBe('申请后星级已变为二星，请让该支部重新申请');
    expect(upgradeApproveRefusal('objected', 3, 3, true)).toBe('该党支部现在不在可升级的状态（可能有待处理的异议）');
  });
});
