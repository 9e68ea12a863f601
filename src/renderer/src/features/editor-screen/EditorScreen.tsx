import type { CSSProperties } from 'react'
import { Splitter } from '../../ui/Splitter'
import { AssetBin } from '../assets/bin/AssetBin'
import { DiskConflictBanner } from '../disk-conflict/DiskConflictBanner'
import { ClipEditor } from '../clip-editor/ClipEditor'
import { useTopOnNewClip } from '../clip-editor/use-top-on-new-clip'
import { ElementsPanel } from '../inspector/elements/ElementsPanel'
import { ReferenceImagesPanel } from '../inspector/reference-images/ReferenceImagesPanel'
import { FilmPlayer } from '../film/FilmPlayer'
import { LibraryPanel } from '../inspector/library/LibraryPanel'
import { Inspector } from '../inspector/Inspector'
import { QueuePanel } from '../queue/panel/QueuePanel'
import { useQueueUi } from '../queue/queue-store'
import { GenerationAnnouncer } from '../takes/generate/GenerationAnnouncer'
import { TakeViewer } from '../takes/list/TakeViewer'
import { Timeline } from '../timeline/Timeline'
import { TitleBar } from '../title-bar/TitleBar'
import { SampleHint } from './SampleHint'
import { usePanelSizes } from './use-panel-sizes'
import { selectSelectedClipIdIfExists } from '../../store/selectors'
import { useStore } from '../../store/store'
import './editor.css'

export function EditorScreen() {
  const { sizes, resize, commit } = usePanelSizes()
  const queueOpen = useQueueUi((s) => s.open)
  const clipScroll = useTopOnNewClip<HTMLDivElement>(useStore(selectSelectedClipIdIfExists))
  const style = {
    '--left-width': `${sizes.left}px`,
    '--right-width': `${sizes.right}px`,
    '--timeline-height': `${sizes.timeline}px`,
  } as CSSProperties
  return (
    <div className={queueOpen ? 'editor editor--queue-open' : 'editor'} style={style}>
      <TitleBar />
      <DiskConflictBanner />
      <AssetBin />
      <Splitter area="split-l" label="Resize the asset bin" orientation="vertical" value={sizes.left} min={180} max={420} direction={1} onChange={resize('left')} onCommit={commit('left')} />
      <main className="editor__center" aria-label="Clip editor">
        <SampleHint />
        <div className="editor__clip-scroll" ref={clipScroll}>
          <ClipEditor />
        </div>
        <TakeViewer />
      </main>
      <Splitter area="split-r" label="Resize the inspector" orientation="vertical" value={sizes.right} min={260} max={460} direction={-1} onChange={resize('right')} onCommit={commit('right')} />
      <aside className="editor__right" aria-label="Inspector and elements">
        <Inspector />
        <ReferenceImagesPanel />
        <ElementsPanel />
        <LibraryPanel />
      </aside>
      <Splitter area="split-t" label="Resize the timeline" orientation="horizontal" value={sizes.timeline} min={160} max={420} direction={-1} onChange={resize('timeline')} onCommit={commit('timeline')} />
      <Timeline />
      <FilmPlayer />
      <QueuePanel />
      <GenerationAnnouncer />
    </div>
  )
}
