/** Lines of prompt text beside a clip's frames. */
export const TEXT_LINES = 8

/** Print styles of the storyboard PDF: one A4 landscape page per three clips, light paper, dense but legible. */
export const storyboardCss = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 10pt/1.35 Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #15181e; }
.page { height: 188mm; overflow: hidden; display: flex; flex-direction: column; gap: 3mm; break-after: page; }
.page:last-child { break-after: auto; }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.4mm solid #7c6cff; padding-bottom: 1.5mm; }
h1 { font-size: 14pt; margin: 0; }
header span { color: #5b6270; font-size: 9pt; }
.clip { flex: 0 0 55mm; display: flex; gap: 5mm; overflow: hidden; border-bottom: 0.2mm solid #d5d9e0; padding-bottom: 2mm; }
.frames { display: flex; gap: 3mm; flex: 0 0 auto; }
figure { margin: 0; width: 66mm; }
figure img, figure .none { display: block; width: 66mm; height: 46mm; object-fit: contain; background: #eef0f4; border-radius: 1.5mm; }
figure .none { line-height: 46mm; text-align: center; color: #8a91a0; }
figcaption { font-size: 8pt; color: #5b6270; margin-top: 0.8mm; }
.text { flex: 1; min-width: 0; overflow: hidden; }
h2 { font-size: 12pt; margin: 0 0 1mm; }
.meta { margin: 0 0 2mm; color: #5b6270; font-size: 9pt; font-variant-numeric: tabular-nums; }
.shots { margin: 0; padding: 0; list-style: none; }
.shots li { margin-bottom: 1mm; overflow-wrap: anywhere; }
.empty { color: #5b6270; }
.shots li, .dialogue, .avoid { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.avoid { margin: 1mm 0 0; color: #3a404c; }
.dialogue { margin: 1mm 0 0; color: #3a404c; font-style: italic; }
${Array.from({ length: TEXT_LINES }, (_, i) => `.clamp-${i + 1} { -webkit-line-clamp: ${i + 1}; }`).join('\n')}
`
