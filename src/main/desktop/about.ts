/** Where the app's About points for the licences: the Help menu item of that name (app-menu.ts). */
export const licensesMenuLabel = 'Third-Party Licences'

/** Electron's About panel: macOS shows `credits`, Windows and Linux the copyright line, so both name the page. */
export function aboutPanelOptions(version: string) {
  const licences = `Contains third-party software under its own licences, FFmpeg under the GNU GPL v3: Help → ${licensesMenuLabel} lists each, with where FFmpeg's source is offered.`
  return {
    applicationName: 'Omniboard',
    applicationVersion: version,
    copyright: `Copyright © 2026 Omniboard. ${licences}`,
    credits: licences,
    website: 'https://github.com/omniboard/omniboard',
  }
}
