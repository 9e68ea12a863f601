import type { Component, FfmpegBuild, Notices, Placement } from './collect'

export const sourceRequestUrl = 'https://github.com/omniboard/omniboard/issues/new?title=FFmpeg%20source%20request'

const placementNames: Record<Placement, string> = {
  runtime: 'the Electron runtime',
  app: 'app.asar (node_modules)',
  main: 'built into the main process',
  preload: 'built into the preload',
  window: 'built into the window',
}
const where = (component: Component) => component.placements.map((placement) => placementNames[placement]).join(', ')
const anchor = (component: Component) => `${component.name}@${component.version}`.replace(/[^a-zA-Z0-9]+/g, '-')

/** What Omniboard offers for each ffmpeg build it ships: the GPL's conditions for conveying object code. */
export function ffmpegOffer(build: FfmpegBuild): string[] {
  return [
    `The ffmpeg program (${build.packageName} ${build.packageVersion}, in app.asar.unpacked/node_modules/${build.packageName}/) is FFmpeg` +
      `${build.build ? ` build ${build.build}` : ''}, free software under the GNU General Public License version 3` +
      ` (declared licence: ${build.licence}; its text is below). Omniboard runs it as a separate program and ships it unmodified.`,
    `It was built${build.builder ? ` by ${build.builder}` : ''} from FFmpeg's source${build.commit ? ` at git commit ${build.commit}` : ''} ` +
      '(https://git.ffmpeg.org/ffmpeg.git) together with the libraries its configuration names (`ffmpeg -version` prints them).',
    'Written offer: for at least three years after we distribute this version of Omniboard, and for as long as we offer spare ' +
      'parts or support for it, we give anyone who has it the complete corresponding source code of this ffmpeg build and of ' +
      'the libraries built into it, for no more than our cost of providing it. Ask for it at ' +
      `${sourceRequestUrl} and name the Omniboard version and platform.`,
  ]
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function renderNoticesHtml(notices: Notices): string {
  const { product, components, ffmpeg } = notices
  const rows = components
    .map((c) => `<tr><td><a href="#${anchor(c)}">${escape(c.name)}</a></td><td>${escape(c.version)}</td><td>${escape(c.licence)}</td><td>${escape(where(c))}</td></tr>`)
    .join('\n')
  const texts = components
    .map((c) => {
      const body = c.texts.map((t) => `<p class="source">${escape(t.source)}</p>\n<pre>${escape(t.text)}</pre>`).join('\n')
      return `<section id="${anchor(c)}"><h3>${escape(c.name)} ${escape(c.version)}</h3>\n<p>${escape(c.licence)}${c.homepage ? ` · ${escape(c.homepage)}` : ''}</p>\n${body}</section>`
    })
    .join('\n')
  const ffmpegSections = ffmpeg.map((build) => `<section class="ffmpeg"><h2>FFmpeg: GNU General Public License</h2>\n${ffmpegOffer(build).map((line) => `<p>${escape(line)}</p>`).join('\n')}</section>`).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(product.name)} ${escape(product.version)}: third-party licences</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 24px 32px; color: #e6e8ec; background: #0e1014; }
a { color: #8ab4ff; } table { border-collapse: collapse; } td, th { padding: 2px 12px 2px 0; text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; font-size: 12px; background: #161a20; padding: 8px; } .source { color: #9aa3ae; margin-bottom: 0; }
.ffmpeg { border: 1px solid #3a414c; padding: 4px 16px; }
</style>
</head>
<body>
<h1>Third-party licences</h1>
<p>${escape(product.name)} ${escape(product.version)} is licensed under ${escape(product.licence)}. It contains the components below, each under its own licence, whose texts follow.
Chromium's own licences are in LICENSES.chromium.html, which ships with the Electron runtime beside the ${escape(product.name)} program.</p>
${ffmpegSections}
<h2>Components</h2>
<table>
<tr><th>Component</th><th>Version</th><th>Licence</th><th>Where</th></tr>
${rows}
</table>
<h2>Licence texts</h2>
${texts}
</body>
</html>
`
}

export function renderNoticesText(notices: Notices): string {
  const { product, components, ffmpeg } = notices
  const rule = '='.repeat(78)
  return [
    `${product.name} ${product.version}: third-party licences`,
    `${product.name} is licensed under ${product.licence}. It contains the components below, each under its own licence.`,
    ...ffmpeg.flatMap((build) => ['', rule, 'FFmpeg: GNU General Public License', rule, ...ffmpegOffer(build)]),
    '',
    ...components.map((c) => `${c.name} ${c.version}  ${c.licence}  (${where(c)})`),
    ...components.flatMap((c) => ['', rule, `${c.name} ${c.version} (${c.licence})${c.homepage ? ` ${c.homepage}` : ''}`, rule, ...c.texts.flatMap((t) => [`[${t.source}]`, t.text, ''])]),
  ].join('\n')
}
