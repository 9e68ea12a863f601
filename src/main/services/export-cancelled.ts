import { AppErrorException, appError } from '../../shared/errors'

export const cancelledError = (): AppErrorException =>
  new AppErrorException(appError('export_cancelled', 'The export was cancelled.', 'Export the film again when you are ready.'))
