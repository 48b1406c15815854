import { photoAppearance, stateOfSuggest } from '../../../../src/domain/media-check';

const other = { isOwner: false, isStaff: false };
const owner = { isOwner: true, isStaff: false };
const staff = { isOwner: false, isStaff: true };

describe('photoAppearance: who sees a photo before WeChat passed it', () => {
  it('shows a passed photo (and one never checked) to everyone, unmarked', () => {
    for (const viewer of [other, owner, staff]) {
      expect(photoAppearance('pass', viewer)).toEqual({ show: true, mark: null });
      expect(photoAppearance(undefined, viewer)).toEqual({ show: true, mark: null });
    }
  });

  it('shows a pending or unsure photo to its owner and staff with 审核中, to nobody else', () => {
    for (const state of ['pending', 'review'] as const) {
      expect(photoAppearance(state, other)).toEqual({ show: false });
      expect(photoAppearance(state, owner)).toEqual({ show: true, mark: 'pending' });
      expect(photoAppearance(state, staff)).toEqual({ show: true, mark: 'pending' });
    }
  });

  it('shows a risky photo only to its owner, marked 未通过审核', () => {
    expect(photoAppearance('risky', other)).toEqual({ show: false });
    expect(photoAppearance('risky', staff)).toEqual({ show: false });
    expect(photoAppearance('risky', owner)).toEqual({ show: true, mark: 'risky' });
  });

  it("reads WeChat's suggest, treating anything unknown as unsure", () => {
    expect(stateOfSuggest('pass')).toBe('pass');
    expect(stateOfSuggest('risky')).toBe('risky');
    expect(stateOfSuggest('review')).toBe('review');
    expect(stateOfSuggest(undefined)).toBe('review');
  });
});
