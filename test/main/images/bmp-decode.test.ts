import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBmp, readBmpHeader } from '../../../src/main/services/images/bmp-decode'

const fixture = (name: string) => fs.readFile(path.join(__dirname, '../../fixtures/images', name))

describe('the BMP decoder', () => {
  for (const name of ['marker-24bit.bmp', 'marker-32bit.bmp']) {
    it(`reads ${name} (written by ffmpeg) upright, with its colours`, async () => {
      const bytes = await fixture(name)
      const header = readBmpHeader(bytes)
      if (typeof header === 'string') throw new Error(header)
      const image = (await decodeBmp(bytes, header))!
      expect([image.width, image.height]).toEqual([20, 15])
      const at = (x: number, y: number) => [...image.pixels.subarray((y * 20 + x) * image.channels, (y * 20 + x) * image.channels + 3)]
      expect(at(2, 2)).toEqual([230, 20, 20])
      expect(at(17, 12)).toEqual([20, 40, 220])
    })
  }

  it('says a file cut short is damaged instead of reading past its end', async () => {
    const bytes = await fixture('marker-24bit.bmp')
    const header = readBmpHeader(bytes)
    if (typeof header === 'string') throw new Error(header)
    expect(await decodeBmp(bytes.subarray(0, 400), header)).toBeNull()
  })
})
