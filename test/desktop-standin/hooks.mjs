// Module resolution hooks (module.register): a bare `electron` import resolves to the stand-in.
let electronUrl = ''

export function initialize(data) {
  electronUrl = data.electronUrl
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: electronUrl, shortCircuit: true }
  return nextResolve(specifier, context)
}
