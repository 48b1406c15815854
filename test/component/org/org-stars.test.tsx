import { render, waitFor } from '@testing-library/react';
import { OrgStars } from '@/features/org/org-stars';
import { answerCalls } from '../platform';

/** A branch page's 五星: the current star in words, then the years before; nothing for a node that is not rated. */
beforeEach(() => jest.clearAllMocks());

it('shows the current star and the history', async () => {
  const sent = answerCalls(() => ({
    data: { rated: true, current: { year: 2024, stars: 4, starsLabel: '四星' }, history: [{ year: 2024, stars: 4, starsLabel: '四星' }, { year: 2023, stars: 3, starsLabel: '三星' }] },
  }));
  const { container } = render(<OrgStars orgId="o-b-organ-1" />);
  await waitFor(() => expect(container.querySelector('.e2e-org-current-star')?.textContent).toContain('2024 年度：四星支部'));
  expect([...container.querySelectorAll('.e2e-org-star-year')].map((e) => e.textContent)).toEqual(['2023 年度：三星']);
  expect(sent).toEqual([{ fn: 'org', action: 'orgStars', payload: { orgId: 'o-b-organ-1' } }]);
});

it('says when a branch has no star yet', async () => {
  answerCalls(() => ({ data: { rated: true, current: null, history: [] } }));
  const { container } = render(<OrgStars orgId="o-b-organ-2" />);
  await waitFor(() => expect(container.querySelector('.e2e-org-no-star')).not.toBeNull());
});

it('shows nothing for a node that is not rated', async () => {
  const sent = answerCalls(() => ({ data: { rated: false, current: null, history: [] } }));
  const { container } = render(<OrgStars orgId="o-c-hubin" />);
  await waitFor(() => expect(sent).toHaveLength(1));
  await waitFor(() => expect(container.querySelector('.e2e-org-stars')).toBeNull());
});
