import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { WishActionBar } from '@/features/wishes/wish-action-bar';
import { aWishDetail } from '../../fixtures/builders';
import { answerCalls, Taro, toasts } from '../platform';

/** The buttons under a wish: what the server says this viewer may do, and the step before what cannot be undone. */
beforeEach(() => jest.clearAllMocks());

const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);

function renderBar(wish = aWishDetail()) {
  const onDone = jest.fn();
  const onStale = jest.fn();
  const view = render(<WishActionBar wish={wish} onDone={onDone} onStale={onStale} />);
  return { ...view, onDone, onStale };
}

describe('which buttons show', () => {
  it('shows nothing when the viewer may do nothing', () => {
    const { container } = renderBar(aWishDetail({ actions: [] }));
    expect(container.innerHTML).toBe('');
  });

  it('a member who may claim for themselves sees 我来认领 only', () => {
    renderBar(aWishDetail({ actions: ['claim'], claimAs: ['member'] }));
    expect(buttons()).toEqual(['我来认领']);
  });

  it('a unit admin who may also claim for the unit sees both ways to claim', () => {
    renderBar(aWishDetail({ actions: ['claim'], claimAs: ['member', 'unit'] }));
    expect(buttons()).toEqual(['我来认领', '以单位名义认领']);
  });

  it('a wish staff proposed to the viewer is accepted by claiming', () => {
    renderBar(aWishDetail({ actions: ['claim'], claimAs: ['member'], proposedToViewer: true }));
    expect(buttons()).toEqual(['接受匹配并认领']);
  });

  it('staff reviewing a submitted wish see 审核通过 and 驳回', () => {
    renderBar(aWishDetail({ status: 'submitted', actions: ['approve', 'reject'] }));
    expect(buttons()).toEqual(['审核通过', '驳回']);
  });
});

describe('claiming', () => {
  it('claims for the unit when 以单位名义认领 is pressed, and hands the new state to the page', async () => {
    const wish = aWishDetail({ actions: ['claim'], claimAs: ['member', 'unit'] });
    const claimed = aWishDetail({ id: wish.id, status: 'claimed' });
    const sent = answerCalls(() => ({ data: claimed }));
    const { onDone } = renderBar(wish);
    fireEvent.click(screen.getByRole('button', { name: '以单位名义认领' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(claimed));
    expect(sent).toEqual([{ fn: 'wish', action: 'claim', payload: { wishId: wish.id, asUnit: true } }]);
    expect(toasts()).toContain('认领成功');
  });

  it('someone else claimed first: says so and asks the page to reload', async () => {
    answerCalls(() => ({ error: { code: 'CONFLICT', message: '该心愿已被认领' } }));
    const { onDone, onStale } = renderBar(aWishDetail({ actions: ['claim'], claimAs: ['member'] }));
    fireEvent.click(screen.getByRole('button', { name: '我来认领' }));
    await waitFor(() => expect(onStale).toHaveBeenCalled());
    expect(toasts()).toContain('该心愿已被认领');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('an action that needs a reason', () => {
  const submitted = () => aWishDetail({ status: 'submitted', actions: ['approve', 'reject'] });

  it('驳回 sends nothing yet: it opens the reason and a second button to confirm', () => {
    const sent = answerCalls(() => ({ data: null }));
    renderBar(submitted());
    fireEvent.click(screen.getByRole('button', { name: '驳回' }));
    expect(sent).toEqual([]);
    expect(screen.queryByText('驳回原因')).not.toBeNull();
    expect(screen.queryByRole('button', { name: '提交驳回' })).not.toBeNull();
  });

  it('confirming without a reason shows the error under the reason field and sends nothing', () => {
    const sent = answerCalls(() => ({ data: null }));
    const { container } = renderBar(submitted());
    fireEvent.click(screen.getByRole('button', { name: '驳回' }));
    fireEvent.click(screen.getByRole('button', { name: '提交驳回' }));
    const field = container.querySelector('.e2e-field-reason');
    expect(field?.querySelector('.e2e-error-reason')?.textContent).toBe('请填写原因');
    expect(sent).toEqual([]);
  });

  it('with a reason, rejects with it', async () => {
    const wish = submitted();
    const sent = answerCalls(() => ({ data: aWishDetail({ id: wish.id, status: 'rejected' }) }));
    const { container, onDone } = renderBar(wish);
    fireEvent.click(screen.getByRole('button', { name: '驳回' }));
    fireEvent.change(container.querySelector('.e2e-input-reason input') as HTMLInputElement, { target: { value: '照片与描述不符' } });
    fireEvent.click(screen.getByRole('button', { name: '提交驳回' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toEqual([{ fn: 'wish', action: 'review', payload: { wishId: wish.id, decision: 'reject', reason: '照片与描述不符' } }]);
  });

  it('取消 closes the reason without sending anything', () => {
    const sent = answerCalls(() => ({ data: null }));
    renderBar(submitted());
    fireEvent.click(screen.getByRole('button', { name: '驳回' }));
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByText('驳回原因')).toBeNull();
    expect(sent).toEqual([]);
    expect(Taro.request).not.toHaveBeenCalled();
  });
});
