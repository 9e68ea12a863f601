import { describeUpload, type JobProgress } from '../../../../../shared/domain/job-progress'
import type { Take } from '../../../../../shared/domain/project'

/** Determinate when the API or the download says how far along it is; a moving bar otherwise. */
export function TakeProgress({ take, progress }: { take: Take; progress: JobProgress | null }) {
  let fraction: number | null = null
  const upload = progress && take.status === 'submitting' ? describeUpload(progress) : null
  if (upload !== null && progress?.uploadTotalBytes) fraction = (progress.uploadedBytes ?? 0) / progress.uploadTotalBytes
  else if (progress?.totalBytes && progress.downloadedBytes !== null) fraction = progress.downloadedBytes / progress.totalBytes
  else if (progress?.estimatedRemainingMs != null && take.status === 'processing') {
    fraction = progress.elapsedMs / (progress.elapsedMs + progress.estimatedRemainingMs)
  }
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100)
  return (
    <>
      <div
        className={percent === null ? 'progress progress--indeterminate' : 'progress'}
        role="progressbar"
        aria-label="Take progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress__bar" style={{ width: `${percent ?? 30}%` }} />
      </div>
      {upload !== null && <p className="take-row__upload tabular">{upload}</p>}
    </>
  )
}
