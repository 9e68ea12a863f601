import { useState, type FormEvent } from 'react'
import { createProject } from '../../app/project-actions'

/** The name field and submit of "New project", wherever it is asked: the welcome card and File → New project. */
export function useCreateProject(onCreated?: () => void) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim() || busy) return
    setBusy(true)
    const opened = await createProject(name.trim())
    if (opened) onCreated?.()
    else setBusy(false)
  }

  return { name, setName, busy, submit }
}
