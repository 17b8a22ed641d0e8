/** The shield-and-tick mark, inline so it needs no request and follows the text colour. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="64" height="64" rx="12" fill="#1456a8" stroke="rgba(255,255,255,0.35)" strokeWidth="2" />
      <path d="M32 10 50 17v14c0 11-7.6 19.6-18 23-10.4-3.4-18-12-18-23V17z" fill="#fff" />
      <path d="m24 32 6 6 11-12" fill="none" stroke="#1456a8" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
