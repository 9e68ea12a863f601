import { parseArgs } from 'node:util'
import { DEFAULT_FAKE_KEY, FAKE_SUBMIT_PATH, startFakeMuleRouter } from './server'

const usage = `Fake MuleRouter (Kling V3 Omni: text-to-video, reference-to-video, video-to-video edit and generation) for tests and demos.

Usage: npm run fake-api -- [options]

  --port <n>            port on 127.0.0.1 (default 8787; 0 picks a free one)
  --key <key>           the API key it accepts (default ${DEFAULT_FAKE_KEY})
  --pending-ms <ms>     how long a task stays pending (default 2000)
  --processing-ms <ms>  how long a task stays processing (default 5000)
  --fail-tasks          every task ends failed with an error object (code 3002)
  --refuse-tasks        every task ends failed, refused for its content (code 1301)
  --submit-status <n>   every POST answers this HTTP status and makes no task (402: no credits, 401, 403)
  --throttle-upload <n> read every POST body at this many bytes per second (a slow uplink)
  --chaos-seed <n>      inject random faults (429, 500, 503, hangs, resets, bad JSON, expired links)
  --chaos-rate <0..1>   share of requests that get a fault (default 0.3)
  --no-range            answer downloads without Range support
  -h, --help            show this help
`

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    key: { type: 'string', default: DEFAULT_FAKE_KEY },
    'pending-ms': { type: 'string', default: '2000' },
    'processing-ms': { type: 'string', default: '5000' },
    'fail-tasks': { type: 'boolean', default: false },
    'refuse-tasks': { type: 'boolean', default: false },
    'submit-status': { type: 'string' },
    'throttle-upload': { type: 'string' },
    'chaos-seed': { type: 'string' },
    'chaos-rate': { type: 'string', default: '0.3' },
    'no-range': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  process.stdout.write(usage)
  process.exit(0)
}

const number = (flag: string, text: string): number => {
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`--${flag} must be a non-negative number\n\n${usage}`)
    process.exit(2)
  }
  return value
}

const submitStatus = values['submit-status'] === undefined ? null : number('submit-status', values['submit-status'])
if (submitStatus !== null && !(Number.isInteger(submitStatus) && submitStatus >= 400 && submitStatus <= 599)) {
  process.stderr.write(`--submit-status must be an HTTP error status (400–599)\n\n${usage}`)
  process.exit(2)
}

const fake = await startFakeMuleRouter({
  port: number('port', values.port),
  keys: [values.key],
  pendingMs: number('pending-ms', values['pending-ms']),
  processingMs: number('processing-ms', values['processing-ms']),
  rangeSupport: !values['no-range'],
  failTasks: values['fail-tasks'],
  refuseTasks: values['refuse-tasks'],
  ...(values['chaos-seed'] === undefined ? {} : { chaos: { seed: number('chaos-seed', values['chaos-seed']), rate: number('chaos-rate', values['chaos-rate']) } }),
  onRequest: (request) => process.stdout.write(`${new Date().toISOString()} ${request.method} ${request.path}${request.fault ? ` [fault ${request.fault}]` : ''}\n`),
})

if (submitStatus !== null) fake.setFault('submit', { status: submitStatus })
if (values['throttle-upload'] !== undefined) fake.setFault('submit', { kind: 'throttleUpload', bytesPerSecond: number('throttle-upload', values['throttle-upload']) })

process.stdout.write(`Fake MuleRouter listening on ${fake.url}
Accepted key: ${values.key}

Try it:
  curl -s -X POST ${fake.url}${FAKE_SUBMIT_PATH} \\
    -H 'Authorization: Bearer ${values.key}' -H 'Content-Type: application/json' \\
    -d '{"prompt":"A paper boat on a rainy street","duration":5,"mode":"std","aspect_ratio":"16:9","sound":"off"}'
  MULEROUTER_API_KEY=${values.key} npx omniboard render <project-folder> --base-url ${fake.url}

Press Ctrl+C to stop.
`)

const stop = () => {
  void fake.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
