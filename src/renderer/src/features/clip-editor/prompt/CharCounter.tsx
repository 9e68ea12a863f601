/** Turns warning at 90 % of the limit and danger past it, so a user sees the wall before hitting it. */
export function CharCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const tone = length > max ? 'danger' : length >= max * 0.9 ? 'warning' : 'normal'
  return (
    <span id={id} className={`char-counter char-counter--${tone} tabular`} aria-label={`${length} of ${max} characters`}>
      {length.toLocaleString('en-US')} / {max.toLocaleString('en-US')}
    </span>
  )
}
