/** The Omniboard mark: three storyboard frames fanned on a violet tile. Inline SVG so the CSP needs nothing. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="omniboard-mark" x1="0" y1="0" x2="32" y2="32" gradientUnits="userSpaceOnUse">
          <stop offset="0" stopColor="#9b8cff" />
          <stop offset="1" stopColor="#5b48f0" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#omniboard-mark)" />
      <rect x="6" y="10" width="6" height="12" rx="1.5" fill="#fff" fillOpacity="0.45" />
      <rect x="13" y="8" width="6" height="16" rx="1.5" fill="#fff" fillOpacity="0.7" />
      <rect x="20" y="10" width="6" height="12" rx="1.5" fill="#fff" />
    </svg>
  )
}
