import { render, waitFor } from '@testing-library/react';
import { certificateLinkParams, type CertificateView } from '@/domain/certificate';
import { CertificateCard } from '@/features/records/certificate-card';
import MePage from '@/pages/me/index';
import { aMe } from '../../fixtures/builders';
import { qrImageUrl } from '@/lib/qr';
import { ROUTES } from '@/routes';
import { answerCalls, Taro } from '../platform';

/** Issue 14 bug 6: the certificate carries a QR of its verify link, and 我的 leads to 证明核验. */
beforeEach(() => jest.clearAllMocks());

const certificate: CertificateView = {
  certificateNo: 'ZY20250601ABCDEF',
  verificationCode: 'K7PQ2M9X',
  memberName: '李建国',
  from: '2025-01-01',
  to: '2025-06-01',
  hours: 12,
  activities: 5,
  summary: '志愿服务 12 小时',
  communityName: '湖滨社区',
  issuedOn: '2025-06-01',
};

it('draws the QR of the verify page with the certificate number and code', () => {
  const { container } = render(<CertificateCard certificate={certificate} />);
  const expected = `${window.location.origin}${window.location.pathname}#${ROUTES.certificateVerify}?no=${certificate.certificateNo}&code=${certificate.verificationCode}`;
  const qr = container.querySelector('.e2e-certificate-qr') as HTMLImageElement;
  expect(qr.getAttribute('src')).toBe(qrImageUrl(expected));
  expect(certificateLinkParams(expected)).toEqual({ no: certificate.certificateNo, code: certificate.verificationCode });
});

it('shows no QR where the code is not shown (the verify result)', () => {
  const { verificationCode: _hidden, ...withoutCode } = certificate;
  const { container } = render(<CertificateCard certificate={withoutCode} />);
  expect(container.querySelector('.e2e-certificate-qr')).toBeNull();
});

it('reads a scanned certificate code, in either form, and nothing else', () => {
  expect(certificateLinkParams('pages/certificate-verify/index?no=ZY20250601ABCDEF&code=k7pq2m9x')).toEqual({ no: 'ZY20250601ABCDEF', code: 'K7PQ2M9X' });
  expect(certificateLinkParams('https://example.com/#/pages/checkin/index?scene=c-donghu-hubin')).toBeNull();
  expect(certificateLinkParams('pages/certificate-verify/index?no=ZY1&code=K7PQ2M9X')).toBeNull();
});

it('我的 has 证明核验, which opens the verify page', async () => {
  answerCalls(() => ({ data: aMe() }));
  const { container } = render(<MePage />);
  const entry = await waitFor(() => container.querySelector('.e2e-me-verify') as HTMLElement);
  expect(entry.textContent).toContain('证明核验');
  entry.click();
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.certificateVerify });
});
