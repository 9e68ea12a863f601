/** Hosts the app may open in the user's browser (API docs, account pages, our README and issues). Anything else is refused. */
const allowedHosts = new Set(['github.com', 'mulerouter.ai', 'www.mulerouter.ai', 'docs.mulerouter.ai', 'mulerun.com', 'www.mulerun.com', 'app.klingai.com'])

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && allowedHosts.has(url.hostname)
}
