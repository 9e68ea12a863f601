import { useState } from 'react'
import type { AppError } from '../../../../../shared/errors'
import { Dialog } from '../../../ui/Dialog'
import './image-slot.css'

type Question = { refusal: AppError; answer: (download: boolean) => void }

/**
 * Asks before downloading a dropped link that leads to this computer or a private network (`image_url_private`).
 * A web page chooses what a dragged image links to, so the user decides, not the page. `ask` settles when they do.
 */
export function usePrivateUrlConfirm() {
  const [question, setQuestion] = useState<Question | null>(null)
  const ask = (refusal: AppError) =>
    new Promise<boolean>((resolve) =>
      setQuestion({
        refusal,
        answer: (download) => {
          setQuestion(null)
          resolve(download)
        },
      }),
    )
  const dialog = question && (
    <Dialog
      title="Download from a private address?"
      width={440}
      onClose={() => question.answer(false)}
      footer={
        <>
          <button type="button" className="btn" onClick={() => question.answer(false)}>Don’t download</button>
          <button type="button" className="btn btn--primary" onClick={() => question.answer(true)}>Download</button>
        </>
      }
    >
      <p className="private-url__text">{question.refusal.message}</p>
      <p className="private-url__text">{question.refusal.hint}</p>
    </Dialog>
  )
  return { ask, dialog }
}
