import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CampaignView } from '@/domain/campaign.schema';
import type { StaffWishRow } from '@/domain/wish.schema';
import { CampaignBoard } from '@/features/wishes/campaign-board';
import { aWishDetail } from '../../fixtures/builders';
import { answerCalls } from '../platform';

/** 加入活动 on the league's campaign board: the target campaign, labelled, follows the list as it grows. */
beforeEach(() => jest.clearAllMocks());

const campaign: CampaignView = { id: 'cp-first', name: '六一微心愿', scopeType: 'street', scopeId: 'st-baihuazhou', scopeName: '百花洲街道', publishAt: '2025-05-25T00:00:00.000Z', perPersonLimit: 1, open: false };
const { relations: _r, actions: _a, claimAs: _c, proposedToViewer: _p, history: _h, delivery: _d, rejectReason: _rr, ...card } = aWishDetail({ id: 'w-queue', title: '想要一个书包' });
const row: StaffWishRow = { ...card, contact: null, claim: null, contentFlag: null, createdAt: '2025-05-20T00:00:00.000Z' };

it('adds a wish to the campaign created after the board first showed, under a labelled picker', async () => {
  const sent = answerCalls(() => ({ data: {} }));
  const onChanged = jest.fn();
  const { rerender } = render(<CampaignBoard campaigns={[]} queue={[row]} onChanged={onChanged} />);
  // The league worker creates the first campaign; the page reloads the list into the same board.
  rerender(<CampaignBoard campaigns={[campaign]} queue={[row]} onChanged={onChanged} />);
  expect(screen.getByText('加入哪个活动', { selector: '.form-field__label *' })).toBeTruthy();
  fireEvent.click(screen.getByText('加入活动'));
  await waitFor(() => expect(onChanged).toHaveBeenCalled());
  expect(sent).toEqual([{ fn: 'wish', action: 'addToCampaign', payload: { wishId: 'w-queue', campaignId: 'cp-first' } }]);
});
