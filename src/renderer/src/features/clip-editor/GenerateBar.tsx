import { LoaderCircle, Sparkles } from 'lucide-react'
import { useState } from 'react'
import { estimateClipCost, formatUsd } from '../../../../shared/domain/cost'
import type { Clip } from '../../../../shared/domain/project'
import { selectAssets, selectElements, selectOnline, selectSettings } from '../../store/selectors'
import { useStore } from '../../store/store'
import { generateBlock, generateClip } from '../takes/generate'

export function GenerateBar({ clip }: { clip: Clip }) {
  const assets = useStore(selectAssets)
  const elements = useStore(selectElements)
  const online = useStore(selectOnline)
  const settings = useStore(selectSettings)
  const [sending, setSending] = useState(false)
  const block = generateBlock(clip, { assets, elements, online, settings })
  const disabled = sending || (block !== null && block.kind !== 'no_key')

  async function send() {
    setSending(true)
    try {
      await generateClip(clip.id)
    } finally {
      setSending(false)
    }
  }
  const cost = settings ? formatUsd(estimateClipCost(clip, settings.prices)) : null
  const reasonId = `generate-reason-${clip.id}`
  return (
    <div className="generate-bar">
      {/* A problem is written out at its field; here it is only pointed at, while screen readers get it whole. */}
      <p className={block ? `generate-bar__reason generate-bar__reason--${block.kind}` : 'generate-bar__reason'} aria-hidden="true">
        {block?.kind === 'invalid' ? 'Fix what is marked above to generate.' : block ? block.reason : 'Ready to generate. You can keep editing while it runs.'}
      </p>
      <span id={reasonId} className="visually-hidden">
        {block ? block.reason : 'Ready to generate. You can keep editing while it runs.'}
      </span>
      <button
        type="button"
        className="btn btn--primary btn--large generate-bar__button"
        aria-disabled={disabled}
        aria-describedby={cost ? `${reasonId} ${reasonId}-cost` : reasonId}
        title={block?.reason ?? 'Generate this clip (Ctrl/Cmd+Enter)'}
        onClick={() => !disabled && void send()}
      >
        {sending ? <LoaderCircle className="spin" size={16} strokeWidth={1.75} aria-hidden /> : <Sparkles size={16} strokeWidth={1.75} aria-hidden />}
        Generate
        {cost && (
          <span className="generate-bar__cost tabular" title="Estimate from your price settings" aria-hidden="true">
            ≈ {cost}
          </span>
        )}
      </button>
      {cost && (
        <span id={`${reasonId}-cost`} className="visually-hidden">
          Estimated cost {cost}
        </span>
      )}
    </div>
  )
}
