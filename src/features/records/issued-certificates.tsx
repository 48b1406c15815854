import { useState } from 'react';
import type { CertificateView } from '@/domain/certificate';
import { ListCell, ListGroup } from '@/components/list-cell';
import { CertificateCard } from './certificate-card';
import { CertificateSaveBar } from './certificate-share';

/** 已开具的证明: tap one to see it with its QR and save or share it again. */
export function IssuedCertificates({ items }: { items: CertificateView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const shown = items.find((c) => c.certificateNo === open);
  return (
    <>
      <ListGroup title="已开具的证明">
        {items.map((c) => (
          <ListCell
            key={c.certificateNo}
            className={`e2e-issued-certificate e2e-issued-${c.certificateNo}`}
            title={`${c.from} 至 ${c.to} · ${c.hours} 小时`}
            description={`编号 ${c.certificateNo} · ${open === c.certificateNo ? '点击收起' : '点击查看、保存或分享'}`}
            extra={c.issuedOn}
            onClick={() => setOpen(open === c.certificateNo ? null : c.certificateNo)}
          />
        ))}
      </ListGroup>
      {shown && (
        <>
          <CertificateCard certificate={shown} />
          <CertificateSaveBar certificate={shown} />
        </>
      )}
    </>
  );
}
