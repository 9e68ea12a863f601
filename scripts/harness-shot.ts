// Screenshot of the real app (production renderer build + real main-process handlers) for looking at the UI:
//   npx tsx scripts/harness-shot.ts --out /tmp/shot.png [--sample] [--width 1440 --height 900]
import { parseArgs } from 'node:util'
import { closeBrowser, launchHarness } from '../test/e2e/harness'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'test-results/shot.png' },
    sample: { type: 'boolean', default: false },
    width: { type: 'string', default: '1440' },
    height: { type: 'string', default: '900' },
    wait: { type: 'string', default: '800' },
  },
})

const app = await launchHarness({ viewport: { width: Number(values.width), height: Number(values.height) } })
try {
  if (values.sample) {
    await app.page.getByRole('button', { name: /sample/i }).first().click()
  }
  await app.page.waitForTimeout(Number(values.wait))
  await app.page.screenshot({ path: values.out })
  console.log(`wrote ${values.out}`)
  for (const line of app.logs) console.log(line)
} finally {
  await app.close()
  await closeBrowser()
}
