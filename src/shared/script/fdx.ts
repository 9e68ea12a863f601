import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { appError } from '../errors'
import { err, ok, type Result } from '../result'
import { collectScenes, type ScriptToken } from './scene-builder'
import type { Screenplay, SpokenLine } from './screenplay'

/** fast-xml-parser's ordered form: an element is `{ tag: children, ':@': attributes }`, text is `{ '#text': … }`. */
type XmlNode = { [tag: string]: XmlNode[] | string | Record<string, string> | undefined; ':@'?: Record<string, string> }

const tagOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? ''
const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)]
  return Array.isArray(value) ? value : []
}
const childrenNamed = (nodes: readonly XmlNode[], tag: string): XmlNode[] => nodes.filter((node) => tagOf(node) === tag)
const attr = (node: XmlNode, name: string): string | undefined => node[':@']?.[name]

/** A paragraph's words: its `<Text>` runs joined (Final Draft splits a paragraph wherever the style changes). */
function textOf(paragraph: XmlNode): string {
  return childrenNamed(childrenOf(paragraph), 'Text')
    .map((run) => childrenOf(run).map((piece) => (typeof piece['#text'] === 'string' ? piece['#text'] : '')).join(''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

const unsafe = appError(
  'script_unsafe',
  'This Final Draft file declares a document type or entities, which Final Draft never writes. Omniboard does not expand them.',
  'Open the script in Final Draft (or another screenwriting app) and save it again as .fdx, or export it as Fountain.',
)
const unreadable = (why: string) =>
  appError('script_unreadable', `This is not a Final Draft script Omniboard can read: ${why}.`, 'Save it again from your screenwriting app as .fdx or .fountain.')

/**
 * Reads a Final Draft `.fdx` (XML). A DTD or entity declaration is refused before parsing: that is where XML bombs
 * and external entities live, and no Final Draft file has one. fast-xml-parser fetches nothing and caps entity
 * expansion itself as a second line. Final Draft stores text as typed and capitalises headings and cues only on
 * screen, so they are upper-cased here.
 */
export function parseFdx(xml: string): Result<Screenplay> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return err(unsafe)
  // The parser forgives unclosed tags; a truncated file must be refused, not half read.
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return err(unreadable(`${valid.err.msg.replace(/\.$/, '').toLowerCase()} (line ${valid.err.line})`))
  let root: XmlNode[]
  try {
    root = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false }).parse(xml) as XmlNode[]
  } catch (error) {
    return err(unreadable(error instanceof Error ? error.message.split('\n')[0]!.toLowerCase() : 'the XML is malformed'))
  }
  const draft = childrenNamed(root, 'FinalDraft')[0]
  const content = draft && childrenNamed(childrenOf(draft), 'Content')[0]
  if (!draft || !content) return err(unreadable('it has no <FinalDraft> script content'))
  const tokens: ScriptToken[] = []
  for (const node of childrenOf(content)) readParagraph(node, tokens, false)
  return ok({ title: titleOf(draft), format: 'fdx', scenes: collectScenes(tokens) })
}

function readParagraph(node: XmlNode, tokens: ScriptToken[], dual: boolean): void {
  if (tagOf(node) === 'DualDialogue') return childrenNamed(childrenOf(node), 'Paragraph').forEach((p) => readParagraph(p, tokens, true))
  if (tagOf(node) !== 'Paragraph') return
  // Real Final Draft files wrap <DualDialogue> in a <Paragraph> of its own.
  const nested = childrenNamed(childrenOf(node), 'DualDialogue')[0]
  if (nested) return readParagraph(nested, tokens, true)
  if (attr(node, 'StartsNewPage') === 'Yes') tokens.push({ type: 'pageBreak' })
  const text = textOf(node)
  const type = attr(node, 'Type') ?? 'General'
  if (type === 'Scene Heading') return void tokens.push(sceneHeading(node, text))
  const last = tokens[tokens.length - 1]
  if (text === '') return
  switch (type) {
    case 'Character':
      return void tokens.push({ type: 'dialogue', cue: text.toUpperCase(), lines: [], dual })
    case 'Parenthetical':
    case 'Dialogue':
      if (last?.type !== 'dialogue') return void tokens.push({ type: 'action', text })
      return addSpeech(last.lines, type === 'Parenthetical' ? { parenthetical: text } : { text })
    case 'Transition':
      return void tokens.push({ type: 'transition', text: text.toUpperCase() })
    case 'Lyrics':
      return void tokens.push({ type: 'lyrics', text })
    default:
      tokens.push(attr(node, 'Alignment') === 'Center' ? { type: 'centered', text } : { type: 'action', text })
  }
}

function addSpeech(lines: SpokenLine[], part: { parenthetical: string } | { text: string }): void {
  const last = lines[lines.length - 1]
  if ('parenthetical' in part) return void lines.push({ parenthetical: part.parenthetical, text: '' })
  if (last && last.text === '') last.text = part.text
  else if (last) last.text = `${last.text} ${part.text}`
  else lines.push({ parenthetical: null, text: part.text })
}

function sceneHeading(node: XmlNode, text: string): ScriptToken {
  const properties = childrenNamed(childrenOf(node), 'SceneProperties')[0]
  const page = Number.parseInt(properties ? (attr(properties, 'Page') ?? '') : '', 10)
  return {
    type: 'heading',
    text: text.toUpperCase(),
    number: attr(node, 'Number')?.trim().slice(0, 20) || null,
    page: Number.isInteger(page) && page > 0 ? page : undefined,
    eighths: properties ? eighthsOf(attr(properties, 'Length')) : undefined,
  }
}

/** "1 3/8" pages → 11 eighths; Final Draft writes whole pages, eighths, or both. */
function eighthsOf(length: string | undefined): number | undefined {
  const match = /^\s*(?:(\d+)\s*)?(?:(\d)\/8)?\s*$/.exec(length ?? '')
  if (!match || (!match[1] && !match[2])) return undefined
  return Math.max(1, Number(match[1] ?? 0) * 8 + Number(match[2] ?? 0))
}

function titleOf(draft: XmlNode): string | null {
  const page = childrenNamed(childrenOf(draft), 'TitlePage')[0]
  const content = page && childrenNamed(childrenOf(page), 'Content')[0]
  const first = content && childrenNamed(childrenOf(content), 'Paragraph').map(textOf).find((text) => text !== '')
  return first ?? null
}
