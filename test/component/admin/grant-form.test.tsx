import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GrantForm } from '@/features/admin/grant-form';
import { aCommunityView } from '../../fixtures/builders';
import { answerCalls } from '../platform';

/** 授予角色: the admin finds the person by name or phone tail and picks them; no openid is typed. */
beforeEach(() => jest.clearAllMocks());

const fill = (container: HTMLElement, hook: string, value: string) =>
  fireEvent.input(container.querySelector(`.${hook} input`) as HTMLInputElement, { target: { value } });

it('searches people by phone tail, grants the role to the one picked, and has no openid box', async () => {
  const sent = answerCalls(({ action }) =>
    action === 'searchPeople'
      ? { data: { items: [{ openid: 'demo-member', name: '李**', phone: '139****1234', workUnitName: '南昌市直机关工委', grants: [] }] } }
      : { data: { role: 'admin', scopeType: 'global', scopeId: 'global', scopeName: '全局' } },
  );
  const onGranted = jest.fn();
  const { container } = render(<GrantForm communities={[aCommunityView()]} units={[]} onGranted={onGranted} />);
  expect(container.querySelector('.e2e-input-grant-openid')).toBeNull();
  fill(container, 'e2e-input-grant-person', '1234');
  fireEvent.click(screen.getByText('查找'));
  await waitFor(() => expect(container.querySelector('.e2e-person-match')?.textContent).toContain('李**（139****1234）'));
  fireEvent.click(container.querySelector('.e2e-person-match') as HTMLElement);
  fireEvent.click(container.querySelector('.e2e-grant-role-picker') as HTMLElement);
  fireEvent.click(container.querySelector('.e2e-grant-role-option-admin') as HTMLElement);
  fireEvent.click(screen.getByText('授予角色'));
  await waitFor(() => expect(onGranted).toHaveBeenCalled());
  expect(sent.map((c) => [c.action, c.payload])).toEqual([
    ['searchPeople', { query: '1234' }],
    ['grantRole', { openid: 'demo-member', role: 'admin', scopeType: 'global', scopeId: 'global' }],
  ]);
});
