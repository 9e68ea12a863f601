import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { denyAllPermissions, hardenWebContents } from '../../src/main/harden'
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

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null
    let check: (() => boolean) | null = null
    denyAllPermissions({
      setPermissionRequestHandler: (handler: never) => void (request = handler),
      setPermissionCheckHandler: (handler: never) => void (check = handler),
    } as never)
    let granted: boolean | null = null
    request!(null, 'media', (answer) => (granted = answer))
    expect(granted).toBe(false)
    expect(check!()).toBe(false)
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
