import { render } from '@testing-library/react';
import { WishDetailBody } from '@/features/wishes/wish-detail-view';
import { aWishDetail } from '../../fixtures/builders';

/** The claim's progress line on a claimed wish: days left while in time, days overdue after the deadline. */
const claimed = (urgency: 'ok' | 'due-soon' | 'overdue', daysLeft: number) =>
  aWishDetail({
    status: 'claimed',
    claim: { kind: 'member', helper: '李**', claimedAt: '2025-03-01T02:00:00.000Z', deadline: '2025-03-15T02:00:00.000Z', urgency, daysLeft },
  });

const progress = (container: HTMLElement) => container.querySelector('.e2e-detail-progress')?.textContent;

it('says how many days are left while the claim is in time', () => {
  const { container } = render(<WishDetailBody wish={claimed('due-soon', 2)} />);
  expect(progress(container)).toBe('临近期限（剩余 2 天）');
});

it('says how long an overdue claim is overdue, never 剩余 0 天', () => {
  const { container } = render(<WishDetailBody wish={claimed('overdue', -3)} />);
  expect(progress(container)).toBe('已超期（已逾期 3 天）');
  const { container: justOver } = render(<WishDetailBody wish={claimed('overdue', 0)} />);
  expect(progress(justOver)).toBe('已超期（已逾期 1 天）');
});
