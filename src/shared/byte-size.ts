/** A file size as a person reads it in a message: "48 KB" below 100 KB, else "12.4 MB". */
export const megabytes = (bytes: number): string =>
  bytes < 100 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
