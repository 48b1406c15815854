import { render, waitFor } from '@testing-library/react';
import type { StarUpgradeView } from '@/domain/star.schema';
import { StarUpgradeApply, StarUpgradeDecide } from '@/features/stars/star-upgrade';
import { answerCalls } from '../platform';

/** 升级增星 evidence as photos — for the rating organisation deciding and for the applicant — under the image-check rule. */
const SHOWN = 'http://127.0.0.1/files/u1.png';
const CHECKING = 'http://127.0.0.1/files/u2.png';

function anUpgrade(overrides: Partial<StarUpgradeView> = {}): StarUpgradeView {
  return {
    id: 'su-1', branchId: 'o-b-1', branchName: '机关第二党支部', year: 2026, fromStars: 2, toStars: 3, reason: '完成换届选举',
    evidence: [{ fileId: 'f-1', url: SHOWN }, { fileId: 'f-2', url: CHECKING }, { fileId: 'f-3', url: null }], photoMarks: { [CHECKING]: 'pending' },
    status: 'pending', statusLabel: '待评定组织审批', decisionReason: null, at: '2026-03-02T02:00:00.000Z', decidedAt: null,
    ...overrides,
  };
}

const photosOf = (container: HTMLElement) => [...container.querySelectorAll('.e2e-star-upgrade img')].map((img) => [img.getAttribute('src'), img.getAttribute('alt')]);
const marks = (container: HTMLElement) => [...container.querySelectorAll('.e2e-photo-mark')].map((m) => m.textContent);

it('shows the rating organisation the evidence photos it may see, marked while WeChat checks them, with alt text', async () => {
  answerCalls(() => ({ data: { items: [anUpgrade()] } }));
  const { container, findByText } = render(<StarUpgradeDecide orgId="o-u-1" year={2026} />);
  await waitFor(() => expect(photosOf(container)).toEqual([[SHOWN, '升级增星佐证照片 1'], [CHECKING, '升级增星佐证照片 2']]));
  expect(marks(container)).toEqual(['审核中']);
  await findByText('佐证材料 3 张（1 张待图片审核通过后显示）');
});

it('shows the applicant the photos of their application', async () => {
  answerCalls(() => ({ data: { branchName: '机关第二党支部', stars: 2, statusLabel: '公示中', canApply: false, applyRefusal: '已有待审批的升级申请，请等待评定组织答复', items: [anUpgrade({ evidence: [{ fileId: 'f-1', url: SHOWN }], photoMarks: {} })] } }));
  const { container } = render(<StarUpgradeApply branchId="o-b-1" year={2026} />);
  await waitFor(() => expect(photosOf(container)).toEqual([[SHOWN, '升级增星佐证照片 1']]));
  expect(marks(container)).toEqual([]);
});
