import type { Session, WebContents } from 'electron'

/** Every page we host stays where it is: no navigation, redirects, pop-ups or webviews. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault()
  contents.on('will-navigate', deny)
  contents.on('will-redirect', deny)
  contents.on('will-attach-webview', deny)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** Camera, microphone, notifications, geolocation…: the editor needs none, so every request and check says no. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
