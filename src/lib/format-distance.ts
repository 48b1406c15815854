/** 850 → "850 米", 1234 → "1.2 公里", 12345 → "12 公里". */
export function formatDistance(metres: number | undefined): string {
  if (metres === undefined || !Number.isFinite(metres) || metres < 0) return '';
  if (metres < 1000) return `${Math.round(metres)} 米`;
  const km = metres / 1000;
  return km < 10 ? `${(Math.round(km * 10) / 10).toFixed(1)} 公里` : `${Math.round(km)} 公里`;
}

/** "东湖区 · 百花洲街道 · 地址". */
export const communityPlace = (c: { district: string; street: string; address: string }) => [c.district, c.street, c.address].filter(Boolean).join(' · ');
