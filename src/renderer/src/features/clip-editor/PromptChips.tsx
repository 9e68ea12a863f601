import { CircleAlert } from 'lucide-react'
import { elementTokenNumbers } from '../../../../shared/domain/element-tokens'
import type { Clip } from '../../../../shared/domain/project'
import { selectElements } from '../../store/selectors'
import { useStore } from '../../store/store'
import { AssetThumb } from '../assets/AssetThumb'

/** The elements a prompt references, as the user knows them: picture and name, numbered as the API sees them. */
export function PromptChips({ text, clip }: { text: string; clip: Clip }) {
  const elements = useStore(selectElements)
  const numbers = [...new Set(elementTokenNumbers(text))]
  if (numbers.length === 0) return null
  return (
    <ul className="prompt-chips" aria-label="Elements referenced">
      {numbers.map((n) => {
        const element = elements.find((e) => e.id === clip.elementIds[n - 1])
        if (!element) {
          return (
            <li key={n} className="element-chip element-chip--missing">
              <CircleAlert size={12} strokeWidth={2} aria-hidden /> element {n} is not attached
            </li>
          )
        }
        return (
          <li key={n} className="element-chip">
            <span className="element-chip__thumb">{element.frontalAssetId && <AssetThumb assetId={element.frontalAssetId} />}</span>
            <span className="element-chip__name">{element.name || `Element ${n}`}</span>
            <span className="element-chip__n tabular">@{n}</span>
          </li>
        )
      })}
    </ul>
  )
}
