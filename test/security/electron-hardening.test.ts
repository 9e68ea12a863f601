import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { allowOnlyOwnFullscreen, hardenWebContents } from '../../src/main/harden'
import { secureWebPreferences } from '../../src/main/window-options'
import { isAllowedExternalUrl } from '../../src/main/external-links'

function cspOf(htmlPath: string): Map<string, string[]> {
  const html = readFileSync(htmlPath, 'utf8')
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
  expect(content, `${htmlPath} has a CSP meta tag`).toBeDefined()
  return new Map(
    content!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

describe('window security', () => {
  it('creates windows isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('denies navigation, redirects, webviews and new windows', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(h: () => { action: string }): void }
    let openHandler: (() => { action: string }) | null = null
    contents.setWindowOpenHandler = (handler) => void (openHandler = handler)
    hardenWebContents(contents as never)
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false
      contents.emit(event, { preventDefault: () => (prevented = true) })
      expect(prevented, event).toBe(true)
    }
    expect(openHandler!()).toEqual({ action: 'deny' })
  })

  function installPermissions() {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void, d: object) => void) | null = null
    let check: ((c: unknown, p: string, origin: string, d: object) => boolean) | null = null
    const ownContents = { id: 1 }
    allowOnlyOwnFullscreen(
      {
        setPermissionRequestHandler: (handler: never) => void (request = handler),
        setPermissionCheckHandler: (handler: never) => void (check = handler),
      } as never,
      (contents, details) => contents === (ownContents as never) && details.requestingUrl === 'file:///app/index.html',
    )
    const ask = (contents: unknown, permission: string, details: { isMainFrame: boolean; requestingUrl: string }) => {
      let granted: boolean | null = null
      request!(contents, permission, (answer) => (granted = answer), details)
      return { granted, checked: check!(contents, permission, 'file://', details) }
    }
    return { ownContents, ask }
  }

  it('denies every permission request and check except full screen', () => {
    const { ownContents, ask } = installPermissions()
    const top = { isMainFrame: true, requestingUrl: 'file:///app/index.html' }
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'pointerLock', 'openExternal']) {
      expect(ask(ownContents, permission, top), permission).toEqual({ granted: false, checked: false })
    }
    expect(ask(ownContents, 'fullscreen', top)).toEqual({ granted: true, checked: true })
  })

  it('allows full screen only to our own window\'s top frame on our own page', () => {
    const { ownContents, ask } = installPermissions()
    expect(ask(ownContents, 'fullscreen', { isMainFrame: false, requestingUrl: 'file:///app/index.html' })).toEqual({ granted: false, checked: false })
    expect(ask(ownContents, 'fullscreen', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toEqual({ granted: false, checked: false })
    expect(ask({ id: 2 }, 'fullscreen', { isMainFrame: true, requestingUrl: 'file:///app/index.html' })).toEqual({ granted: false, checked: false })
    expect(ask(null, 'fullscreen', { isMainFrame: true, requestingUrl: 'file:///app/index.html' })).toEqual({ granted: false, checked: false })
  })

  it('opens only https links to allowed hosts in the browser', () => {
    expect(isAllowedExternalUrl('https://mulerouter.ai/pricing')).toBe(true)
    expect(isAllowedExternalUrl('http://mulerouter.ai/')).toBe(false)
    expect(isAllowedExternalUrl('https://mulerouter.ai.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pass@mulerouter.ai/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
  })

  const builtHtml = 'out/renderer/index.html'
  it.runIf(existsSync(builtHtml) || process.env['CI'])('ships a strict CSP in the production renderer', () => {
    const csp = cspOf(builtHtml)
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    for (const [directive, sources] of csp) {
      expect(sources, directive).not.toContain("'unsafe-eval'")
      expect(sources, directive).not.toContain("'unsafe-inline'")
      expect(sources.some((s) => /^(https?:|ws:|\*)/.test(s)), `${directive} allows a remote origin`).toBe(false)
    }
  })
})
