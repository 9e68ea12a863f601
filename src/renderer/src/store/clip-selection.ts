/**
 * Which clips are selected: one primary clip (the last clicked, which the editor and inspector show) and the
 * others picked with it. Pure functions of the clip order, so the slice only wraps them.
 */
export type ClipSelection = {
  /** The primary clip; it always counts as selected. */
  selectedClipId: string | null
  /** Every selected clip by id; may hold ids of clips removed since, which readers skip. */
  selectedClipIds: Readonly<Record<string, true>>
  /** Where a Shift+click range starts: the last clip clicked without Shift. */
  selectionAnchorId: string | null
}

export const singleSelection = (clipId: string | null): ClipSelection => ({
  selectedClipId: clipId,
  selectedClipIds: clipId === null ? {} : { [clipId]: true },
  selectionAnchorId: clipId,
})

export const isInSelection = (selection: ClipSelection, clipId: string): boolean =>
  selection.selectedClipId === clipId || selection.selectedClipIds[clipId] === true

/** Shift+click: every clip from the anchor to this one becomes the selection (added to it with Ctrl/Cmd too). */
export function selectRange(selection: ClipSelection, order: readonly string[], clipId: string, add: boolean): ClipSelection {
  const anchor = selection.selectionAnchorId ?? selection.selectedClipId ?? clipId
  const from = order.indexOf(anchor)
  const to = order.indexOf(clipId)
  if (to === -1) return selection
  const [start, end] = from === -1 ? [to, to] : [Math.min(from, to), Math.max(from, to)]
  const ids: Record<string, true> = add ? selectedIdsOf(selection) : {}
  for (const id of order.slice(start, end + 1)) ids[id] = true
  return { selectedClipId: clipId, selectedClipIds: ids, selectionAnchorId: from === -1 ? clipId : anchor }
}

/** Ctrl/Cmd+click: adds or removes one clip; the last clip left selected cannot be toggled off. */
export function toggleClip(selection: ClipSelection, order: readonly string[], clipId: string): ClipSelection {
  const ids = selectedIdsOf(selection)
  if (!ids[clipId]) return { selectedClipId: clipId, selectedClipIds: { ...ids, [clipId]: true }, selectionAnchorId: clipId }
  const rest = order.filter((id) => id !== clipId && ids[id])
  if (rest.length === 0) return selection
  delete ids[clipId]
  const primary = selection.selectedClipId === clipId ? rest.at(-1)! : selection.selectedClipId
  return { selectedClipId: primary, selectedClipIds: ids, selectionAnchorId: primary }
}

export function selectAll(selection: ClipSelection, order: readonly string[]): ClipSelection {
  if (order.length === 0) return selection
  const primary = selection.selectedClipId !== null && order.includes(selection.selectedClipId) ? selection.selectedClipId : order[0]!
  return { selectedClipId: primary, selectedClipIds: Object.fromEntries(order.map((id) => [id, true])), selectionAnchorId: primary }
}

/** The selected clips in timeline order, by their positions (ids no longer in it are left out). */
export const selectedIdsIn = (selection: ClipSelection, positions: ReadonlyMap<string, number>): string[] =>
  Object.keys(selectedIdsOf(selection))
    .filter((id) => positions.has(id))
    .sort((a, b) => positions.get(a)! - positions.get(b)!)

function selectedIdsOf(selection: ClipSelection): Record<string, true> {
  const ids: Record<string, true> = { ...selection.selectedClipIds }
  if (selection.selectedClipId !== null) ids[selection.selectedClipId] = true
  return ids
}
