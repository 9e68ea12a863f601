const KB = 1024
const MB = 1024 * KB

/** A file size as a person reads it in a message: "48 KB" below 100 KB, else "12.4 MB". */
export const megabytes = (bytes: number): string => (bytes < 100 * KB ? `${Math.ceil(bytes / KB)} KB` : `${(bytes / MB).toFixed(1)} MB`)

/**
 * Part of a whole, as progress reads: "23 of 60 MB", "2.4 of 60 MB". Whole megabytes read well once there are ten of
 * them; below that a tenth shows the transfer moving.
 */
export function sizeOfTotal(doneBytes: number, totalBytes: number): string {
  const amount = (bytes: number): string => (bytes >= 10 * MB ? String(Math.floor(bytes / MB)) : (bytes / MB).toFixed(1))
  return `${amount(doneBytes)} of ${amount(totalBytes)} MB`
}
