/**
 * The layer rules of the README's "Architecture" section, checked by `npm test` (`npm run check:layers`).
 * Paths are relative to the repository root; `test/architecture/layers.test.ts` shows each rule catching a break.
 */
const appLayers = '^src/(main|renderer|cli|preload|fake-mulerouter)/'
// The shell: the top-level files of src/main (the Electron adapters, window, startup) and its desktop integration.
const shell = '^src/main/([^/]+\\.ts$|desktop/)'

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src/shared runs in every process: it imports no Node built-in and nothing of main, renderer, cli, preload or the fake.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-imports-no-app-layer',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: appLayers },
    },
    {
      name: 'shared-imports-no-ui-or-electron',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '(^|/)node_modules/(electron|react|react-dom|zustand|zundo|electron-store|electron-log)/' },
    },
    {
      name: 'renderer-imports-no-main',
      comment: 'The renderer reaches main only through the preload bridge.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|cli|preload|fake-mulerouter)/' },
    },
    {
      name: 'renderer-imports-no-node',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-import-no-ipc',
      comment: 'Services are called by handlers, the CLI and tests alike: they know nothing of IPC.',
      severity: 'error',
      from: { path: '^src/main/services/' },
      to: { path: '^src/(main/ipc/|shared/ipc/contract)' },
    },
    {
      name: 'services-import-no-shell',
      comment: 'Services receive what they need of the shell (dialogs, windows) as interfaces.',
      severity: 'error',
      from: { path: '^src/main/services/' },
      to: { path: shell },
    },
    {
      name: 'electron-only-in-the-shell',
      comment: 'Only the shell and the preload import electron; everything else runs under Node, in tests and in the CLI.',
      severity: 'error',
      from: { pathNot: `${shell}|^src/preload/` },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'cli-imports-no-shell-or-renderer',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: `${shell}|^src/main/ipc/|^src/renderer/|^src/preload/` },
    },
    {
      name: 'preload-imports-only-shared',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^src/(main|renderer|cli|fake-mulerouter)/' },
    },
    {
      name: 'fake-stands-alone',
      comment: 'The fake MuleRouter reads the contract from the vendor docs, not from our code, so it cannot share our mistakes.',
      severity: 'error',
      from: { path: '^src/fake-mulerouter/' },
      to: { path: '^src/(main|renderer|cli|preload|shared)/' },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Two service or shared folders that import each other are one concern in two places.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/(main/services|shared)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}
