import { database } from '../sdk';

const COLLECTION = 'certificates';

/** An issued 志愿服务记录证明: a snapshot, so it certifies what was true on the day it was issued. */
export interface CertificateRecord {
  _id: string;
  openid: string;
  verificationCode: string;
  memberName: string;
  from: string;
  to: string;
  hours: number;
  activities: number;
  summary: string;
  communityId: string;
  communityName: string;
  issuedOn: string;
  createdAt: Date;
}

export async function insertCertificate(record: CertificateRecord): Promise<void> {
  await database().collection(COLLECTION).add(record);
}

export async function findCertificate(certificateNo: string): Promise<CertificateRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(certificateNo).get();
  return ((data as CertificateRecord[])[0] as CertificateRecord | undefined) ?? null;
}

export async function listCertificatesOf(openid: string): Promise<CertificateRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ openid }).orderBy('createdAt', 'desc').limit(50).get();
  return data as CertificateRecord[];
}
