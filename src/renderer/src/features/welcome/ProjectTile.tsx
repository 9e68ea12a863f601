/** Recent projects cannot show their images until opened, so each gets a stable colour tile of its own. */
export function ProjectTile({ name, path }: { name: string; path: string }) {
  let hash = 0
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const hue = hash % 360
  const initial = name.trim().charAt(0).toUpperCase() || '·'
  return (
    <span
      className="recent-item__thumb"
      aria-hidden="true"
      style={{ background: `linear-gradient(135deg, hsl(${hue} 42% 38%), hsl(${(hue + 40) % 360} 45% 18%))` }}
    >
      {initial}
    </span>
  )
}
