import { Sparkles } from 'lucide-react'
import { estimateClipCost, formatUsd } from '../../../../shared/domain/cost'
import type { Clip } from '../../../../shared/domain/project'
import { useStore } from '../../store/store'
import { generateBlock, generateClip } from '../takes/generate'

export function GenerateBar({ clip }: { clip: Clip }) {
  const assets = useStore((s) => s.assets)
  const doc = useStore((s) => s.doc)
  const online = useStore((s) => s.online)
  const settings = useStore((s) => s.settings)
  const block = generateBlock(clip, { assets, doc, online, settings })
  const disabled = block !== null && block.kind !== 'no_key'
  const cost = settings ? formatUsd(estimateClipCost(clip, settings.prices)) : null
  const reasonId = `generate-reason-${clip.id}`
  return (
    <div className="generate-bar">
      <p id={reasonId} className={block ? `generate-bar__reason generate-bar__reason--${block.kind}` : 'generate-bar__reason'}>
        {block ? block.reason : 'Ready to generate. You can keep editing while it runs.'}
      </p>
      <button
        type="button"
        className="btn btn--primary btn--large generate-bar__button"
        aria-disabled={disabled}
        aria-describedby={reasonId}
        title={block?.reason}
        onClick={() => !disabled && void generateClip(clip.id)}
      >
        <Sparkles size={16} strokeWidth={1.75} aria-hidden />
        Generate
        {cost && (
          <span className="generate-bar__cost tabular" title="Estimate from your price settings">
            ≈ {cost}
          </span>
        )}
      </button>
    </div>
  )
}
