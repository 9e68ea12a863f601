import type { Session, WebContents } from 'electron'

/** Every page we host stays where it is: no navigation, redirects, pop-ups or webviews. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault()
  contents.on('will-navigate', deny)
  contents.on('will-redirect', deny)
  contents.on('will-attach-webview', deny)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** Whether a permission asker is our own window's top frame showing our own page. */
export type OwnTopFrame = (contents: WebContents | null, details: { isMainFrame: boolean; requestingUrl?: string }) => boolean

/**
 * Camera, microphone, notifications, geolocation…: the editor needs none, so every request and check says no —
 * except full screen asked for by our own top frame: a take's `<video controls>` full-screen button asks for it,
 * and a deny-all handler made that button silently do nothing.
 */
export function allowOnlyOwnFullscreen(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, isOwnTopFrame: OwnTopFrame): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permission === 'fullscreen' && details.isMainFrame && isOwnTopFrame(contents, details)),
  )
  session.setPermissionCheckHandler(
    (contents, permission, _origin, details) => permission === 'fullscreen' && details.isMainFrame && isOwnTopFrame(contents, details),
  )
}
