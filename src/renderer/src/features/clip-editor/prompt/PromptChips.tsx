import { CircleAlert, Film } from 'lucide-react'
import { findTokens, type TokenKind } from '../../../../../shared/domain/element-tokens'
import { selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { AssetThumb } from '../../assets/bin/AssetThumb'
import { tokenChip, type TokenSource } from './token-chip'

const missingWords: Record<TokenKind, (n: number) => string> = {
  element: (n) => `element ${n} is not attached`,
  image: (n) => `image ${n} is not in the clip's reference images`,
  video: () => 'there is no video to name',
}

/** What a prompt references, as the user knows it: picture and name, numbered as the API sees it. */
export function PromptChips({ text, source }: { text: string; source: TokenSource }) {
  const elements = useStore(selectElements)
  const takes = useStore((s) => s.takes)
  // Each thing once, in order of first mention.
  const tokens = [...new Map(findTokens(text).map((token) => [`${token.kind}${token.n}`, token])).values()]
  if (tokens.length === 0) return null
  return (
    <ul className="prompt-chips" aria-label="Elements referenced">
      {tokens.map(({ kind, n }) => {
        const chip = tokenChip(kind, n, source, { elements, takes })
        if (chip.missing) {
          return (
            <li key={`${kind}${n}`} className="element-chip element-chip--missing">
              <CircleAlert size={12} strokeWidth={2} aria-hidden /> {missingWords[kind](n)}
            </li>
          )
        }
        return (
          <li key={`${kind}${n}`} className={`element-chip element-chip--${kind}`}>
            <span className="element-chip__thumb">{chip.assetId ? <AssetThumb assetId={chip.assetId} /> : kind === 'video' && <Film size={12} strokeWidth={2} aria-hidden />}</span>
            <span className="element-chip__name">{chip.name}</span>
            {kind !== 'video' && <span className="element-chip__n tabular">{kind === 'image' ? `image ${n}` : `@${n}`}</span>}
          </li>
        )
      })}
    </ul>
  )
}
