import path from 'node:path'

/**
 * Where a file of our npm dependencies really is in a packaged app: app.asar cannot be executed from nor read by
 * ffmpeg, so electron-builder unpacks those files (`asarUnpack`) beside it. Outside a package the path is unchanged.
 */
export const unpackedPath = (file: string): string => file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
