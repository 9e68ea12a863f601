import { describe, expect, it } from 'vitest'
import { mapAtMost } from '../../src/shared/map-at-most'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('mapAtMost', () => {
  it('answers in the order of the items with no more than the limit in flight', async () => {
    let running = 0
    let most = 0
    const answers = await mapAtMost([5, 1, 4, 2, 3, 0, 6], 3, async (value, index) => {
      running++
      most = Math.max(most, running)
      for (let wait = 0; wait < value; wait++) await tick()
      running--
      return `${index}:${value}`
    })

    expect(answers).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6'])
    expect(most).toBe(3)
  })

  it('starts no further item after one fails, and answers with that failure', async () => {
    const started: number[] = []
    const result = mapAtMost([0, 1, 2, 3, 4, 5], 2, async (value) => {
      started.push(value)
      await tick()
      if (value === 1) throw new Error('take 1 is unreadable')
      return value
    })

    await expect(result).rejects.toThrow('take 1 is unreadable')
    await tick()
    expect(started).toEqual([0, 1, 2])
  })
})
