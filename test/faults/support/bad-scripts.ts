/** Script files a user (or someone sending one) might hand Omniboard, each with the refusal it must get. */
export type BadScript = { kind: string; name: string; code: 'script_too_large' | 'script_unreadable' | 'script_unsafe'; message: RegExp; bytes: () => Uint8Array }

const text = (value: string) => new TextEncoder().encode(value)
const scene = 'INT. LIGHTHOUSE - NIGHT\n\nRain hammers the glass.\n\n'

/** The "billion laughs": ten entities of ten, expanding to a billion "lol"s from a file of a few hundred bytes. */
const xmlBomb = `<?xml version="1.0"?>
<!DOCTYPE FinalDraft [
  <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>
<FinalDraft DocumentType="Script" Version="5"><Content><Paragraph Type="Action"><Text>&lol9;</Text></Paragraph></Content></FinalDraft>`

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE FinalDraft [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<FinalDraft DocumentType="Script" Version="5"><Content><Paragraph Type="Action"><Text>&secret;</Text></Paragraph></Content></FinalDraft>`

export const badScripts: BadScript[] = [
  { kind: 'a 5 MB script', name: 'Epic.fountain', code: 'script_too_large', message: /5\.0 MB.*at most 4\.0 MB/, bytes: () => text(scene.repeat(Math.ceil((5 * 1024 * 1024) / scene.length))) },
  { kind: 'a PNG renamed .fountain', name: 'Poster.fountain', code: 'script_unreadable', message: /binary file/, bytes: () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
  { kind: 'Latin-1 bytes renamed .fountain', name: 'Old.fountain', code: 'script_unreadable', message: /not UTF-8/, bytes: () => Uint8Array.from([0x49, 0x4e, 0x54, 0x2e, 0x20, 0xe9, 0xe9, 0xff, 0x0a]) },
  { kind: 'an FDX with an XML bomb', name: 'Bomb.fdx', code: 'script_unsafe', message: /document type or entities/, bytes: () => text(xmlBomb) },
  { kind: 'an FDX with an external entity', name: 'Leak.fdx', code: 'script_unsafe', message: /document type or entities/, bytes: () => text(externalEntity) },
  { kind: 'broken XML named .fdx', name: 'Broken.fdx', code: 'script_unreadable', message: /not a Final Draft script/, bytes: () => text('<?xml version="1.0"?><FinalDraft><Content><Paragraph>') },
  { kind: 'prose with no scene or dialogue', name: 'Notes.txt', code: 'script_unreadable', message: /does not read as a screenplay/, bytes: () => text('Shopping list: eggs, milk, bread.\n') },
  { kind: 'a file type Omniboard does not read', name: 'Script.docx', code: 'script_unreadable', message: /not a screenplay file/, bytes: () => text(scene) },
]
