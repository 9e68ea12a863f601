import { describe, expect, it } from 'vitest'
import { isSafeJumpListPath, JUMP_LIST_SIZE, recentProjectsJumpList, type JumpListInput } from '../../../src/main/desktop/jump-list'

const program = 'C:\\Program Files\\Omniboard\\Omniboard.exe'
const input = (fields: Partial<JumpListInput>): JumpListInput => ({ recent: [], program, leadingArgs: [], removed: [], ...fields })
const harbour = { name: 'Harbour night', path: 'C:\\Users\\ana\\Documents\\Omniboard\\Harbour night.omniboard' }
const dock = { name: 'Dock', path: 'D:\\Films\\Dock.omniboard' }

describe('the Windows jump list of recent projects', () => {
  it('lists each recent project as a task that starts the app on its quoted folder, newest first', () => {
    expect(recentProjectsJumpList(input({ recent: [harbour, dock] }))).toEqual([
      {
        type: 'custom',
        name: 'Recent projects',
        items: [
          { type: 'task', program, args: `"${harbour.path}"`, title: 'Harbour night', description: harbour.path },
          { type: 'task', program, args: `"${dock.path}"`, title: 'Dock', description: dock.path },
        ],
      },
    ])
  })

  it('puts the app folder first when Electron itself is the program (`electron <app>`)', () => {
    const [category] = recentProjectsJumpList(input({ recent: [dock], program: 'C:\\dev\\electron.exe', leadingArgs: ['C:\\dev\\omniboard'] }))!
    expect(category!.items![0]!.args).toBe(`"C:\\dev\\omniboard" "${dock.path}"`)
  })

  it('lists at most a handful, however long the recent list is', () => {
    const recent = Array.from({ length: 20 }, (_, index) => ({ name: `Film ${index}`, path: `D:\\Films\\Film ${index}` }))
    const [category] = recentProjectsJumpList(input({ recent }))!
    expect(category!.items).toHaveLength(JUMP_LIST_SIZE)
    expect(category!.items![0]!.title).toBe('Film 0')
  })

  it('skips a folder whose path would not survive as one quoted argument, and keeps the others', () => {
    const unsafe = ['D:\\Films\\"Quoted"', 'D:\\Films\\100% take', 'D:\\Films\\Line\nbreak', 'D:\\Films\\Trailing\\', `D:\\${'x'.repeat(260)}`, '']
    for (const path of unsafe) expect(isSafeJumpListPath(path), path).toBe(false)
    const [category] = recentProjectsJumpList(input({ recent: [...unsafe.map((path) => ({ name: 'Bad', path })), dock] }))!
    expect(category!.items!.map((item) => item.title)).toEqual(['Dock'])
  })

  it('leaves out what the user removed from the list, since Windows would then hide the whole category', () => {
    const removed = [{ type: 'task' as const, program, args: `"${harbour.path}"`, title: 'Harbour night' }]
    const [category] = recentProjectsJumpList(input({ recent: [harbour, dock], removed }))!
    expect(category!.items!.map((item) => item.title)).toEqual(['Dock'])
  })

  it('gives Windows its own list back when there is nothing to list', () => {
    expect(recentProjectsJumpList(input({ recent: [] }))).toBeNull()
    expect(recentProjectsJumpList(input({ recent: [{ name: 'Bad', path: 'D:\\"x"' }] }))).toBeNull()
  })
})
