import { LoaderCircle, Sparkles } from 'lucide-react'
import { estimateClipCost, estimateClipsCost, formatUsd } from '../../../../shared/domain/cost'
import type { Clip } from '../../../../shared/domain/project'
import { selectAssets, selectClipById, selectElements, selectOnline, selectSelectedClipIds, selectSettings } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useSameItems } from '../../store/use-same-items'
import { GenerateMenu } from '../queue/GenerateMenu'
import { generateSelection } from '../queue/generate-many'
import { generateBlock, generateClip } from '../takes/generate/generate'
import { useTakesToValidate } from './validation/use-clip-validation'
import { useStartGuarded } from '../takes/generate/start-guard'

const READY = 'Ready to generate. You can keep editing while it runs.'

export function GenerateBar({ clip }: { clip: Clip }) {
  const assets = useStore(selectAssets)
  const elements = useStore(selectElements)
  const online = useStore(selectOnline)
  const settings = useStore(selectSettings)
  const takes = useTakesToValidate(clip)
  const selectedIds = useStore(useSameItems(selectSelectedClipIds))
  const selectedCosts = useStore(useSameItems((s) => selectedIds.flatMap((id) => selectClipById(id)(s) ?? [])))
  const sending = useStartGuarded(clip.id)
  const many = selectedIds.length > 1
  const block = many ? null : generateBlock(clip, { assets, elements, online, settings, takes })
  const disabled = sending || (block !== null && block.kind !== 'no_key')

  const cost = settings ? formatUsd(many ? estimateClipsCost(selectedCosts, settings.prices) : estimateClipCost(clip, settings.prices)) : null
  const reasonId = `generate-reason-${clip.id}`
  const ready = many ? `${selectedIds.length} clips selected: Generate shows what they cost before anything is queued.` : READY
  return (
    <div className="generate-bar">
      {/* A problem is written out at its field; here it is only pointed at, while screen readers get it whole. */}
      <p className={block ? `generate-bar__reason generate-bar__reason--${block.kind}` : 'generate-bar__reason'} aria-hidden="true">
        {block?.kind === 'invalid' ? 'Fix what is marked above to generate.' : block ? block.reason : ready}
      </p>
      <span id={reasonId} className="visually-hidden">
        {block ? block.reason : ready}
      </span>
      <div className="generate-bar__split">
        <button
          type="button"
          className="btn btn--primary btn--large generate-bar__button"
          aria-disabled={disabled}
          aria-describedby={cost ? `${reasonId} ${reasonId}-cost` : reasonId}
          title={block?.reason ?? (many ? `Generate the ${selectedIds.length} selected clips (Ctrl/Cmd+Enter)` : 'Generate this clip (Ctrl/Cmd+Enter)')}
          onClick={() => !disabled && (many ? generateSelection() : void generateClip(clip.id))}
        >
          {sending ? <LoaderCircle className="spin" size={16} strokeWidth={1.75} aria-hidden /> : <Sparkles size={16} strokeWidth={1.75} aria-hidden />}
          {many ? `Generate ${selectedIds.length} clips` : 'Generate'}
          {cost && (
            <span className="generate-bar__cost tabular" title="Estimate from your price settings" aria-hidden="true">
              ≈ {cost}
            </span>
          )}
        </button>
        <GenerateMenu />
      </div>
      {cost && (
        <span id={`${reasonId}-cost`} className="visually-hidden">
          Estimated cost {cost}
        </span>
      )}
    </div>
  )
}
