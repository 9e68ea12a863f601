import { Film } from 'lucide-react'
import type { Take } from '../../../../../shared/domain/project'
import type { VideoSource } from '../../../../../shared/domain/video-reference'
import { videoFactsWords } from '../video-source/video-facts-words'

/** Which video the edit changes and what it is (its rules are about length, size, rate and bytes). */
export function EditSourceLine({ take, number, source }: { take: Take; number: number; source: VideoSource }) {
  const facts = source.kind === 'url' ? source.facts : take.videoFacts
  const from = source.kind === 'url' ? `From your video at ${new URL(source.url).hostname}` : `From take ${number}`
  return (
    <p className="edit-take__source">
      <Film size={14} strokeWidth={1.75} aria-hidden />
      <span>{from}</span>
      <span className="edit-take__facts tabular">{facts ? videoFactsWords(facts) : 'Reading the video…'}</span>
    </p>
  )
}
