import { describe, expect, it } from 'vitest'
import { estimateClipCost, estimateClipsCost, formatUsd } from '../../../src/shared/domain/cost'
import { newId } from '../../../src/shared/domain/ids'
import { IdSchema } from '../../../src/shared/domain/project'
import { defaultSettings } from '../../../src/shared/settings'

const prices = defaultSettings('/tmp').prices

describe('estimateClipCost', () => {
  it('charges per second at the rate for the mode and sound', () => {
    expect(estimateClipCost({ mode: 'std', sound: 'off', duration: 5 }, prices)).toBe(0.42)
    expect(estimateClipCost({ mode: 'std', sound: 'on', duration: 5 }, prices)).toBe(0.56)
    expect(estimateClipCost({ mode: 'pro', sound: 'off', duration: 5 }, prices)).toBe(0.56)
    expect(estimateClipCost({ mode: 'pro', sound: 'on', duration: 15 }, prices)).toBe(2.1)
  })

  it('follows rates the user edited and adds clips up', () => {
    const custom = { ...prices, proPerSecond: 1 }
    expect(estimateClipCost({ mode: 'pro', sound: 'off', duration: 3 }, custom)).toBe(3)
    expect(estimateClipsCost([{ mode: 'pro', sound: 'off', duration: 3 }, { mode: 'std', sound: 'off', duration: 10 }], custom)).toBe(3.84)
  })
})

describe('formatUsd', () => {
  it('shows dollars and cents, and never rounds a real charge down to $0.00', () => {
    expect(formatUsd(0.56)).toBe('$0.56')
    expect(formatUsd(1234.5)).toBe('$1,234.50')
    expect(formatUsd(0)).toBe('$0.00')
    expect(formatUsd(0.001)).toBe('<$0.01')
  })
})

describe('newId', () => {
  it('makes short url-safe ids the project schema accepts, different every time', () => {
    const ids = Array.from({ length: 2000 }, () => newId())
    for (const id of ids) expect(IdSchema.safeParse(id).success).toBe(true)
    expect(ids[0]).toHaveLength(16)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
