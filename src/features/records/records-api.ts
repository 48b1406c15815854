import { callFunction } from '@/lib/cloud';
import type { CertificateVerification, CertificateView } from '@/domain/certificate';
import type { MyRecordView, QualityRating, ServiceLogView } from '@/domain/service-log.schema';

const FN = 'checkin';

export const fetchMyRecord = (year?: number) => callFunction<MyRecordView>(FN, 'myRecord', year === undefined ? {} : { year });
export const reportService = (input: Record<string, unknown>, requestId: string) => callFunction<ServiceLogView>(FN, 'reportService', { ...input, requestId });
export const requestCorrection = (input: Record<string, unknown>, requestId: string) => callFunction<ServiceLogView>(FN, 'requestCorrection', { ...input, requestId });
export const listPendingLogs = (communityId: string) => callFunction<{ items: ServiceLogView[] }>(FN, 'pendingLogs', { communityId }).then((r) => r.items);
export const reviewLog = (logId: string, decision: 'confirm' | 'reject', extra: { rating?: QualityRating; reason?: string }) =>
  callFunction<ServiceLogView>(FN, 'reviewLog', { logId, decision, ...extra });
export const issueCertificate = (from: string, to: string, requestId: string) => callFunction<CertificateView>(FN, 'issueCertificate', { from, to, requestId });
export const fetchMyCertificates = () => callFunction<{ items: CertificateView[] }>(FN, 'myCertificates', {}).then((r) => r.items);
export const verifyCertificate = (certificateNo: string, code: string) => callFunction<CertificateVerification>(FN, 'verifyCertificate', { certificateNo, code });
