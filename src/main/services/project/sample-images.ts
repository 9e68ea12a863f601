import sharp from 'sharp'

/** Small storyboard pictures drawn at runtime, so the app ships no binary sample files. */
export type SampleImage = { name: string; bytes: Buffer }

const svg = (width: number, height: number, body: string): Buffer =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`)

const sky = (id: string, top: string, bottom: string): string =>
  `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>` +
  `<stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#${id})"/>`

const lighthouse = (x: number, lamp: string): string =>
  `<polygon points="${x - 22},300 ${x + 22},300 ${x + 14},130 ${x - 14},130" fill="#f4f1ea"/>` +
  `<rect x="${x - 19}" y="180" width="38" height="16" fill="#b3302b"/><rect x="${x - 21}" y="240" width="42" height="16" fill="#b3302b"/>` +
  `<rect x="${x - 16}" y="112" width="32" height="18" fill="${lamp}"/><polygon points="${x - 20},112 ${x + 20},112 ${x},96" fill="#2b2b2b"/>`

const sea = (color: string, crest: string): string =>
  `<rect y="290" width="640" height="70" fill="${color}"/>` +
  `<path d="M0 300 Q40 292 80 300 T160 300 T240 300 T320 300 T400 300 T480 300 T560 300 T640 300" stroke="${crest}" stroke-width="3" fill="none"/>`

const keeper = (coat: string, facing: 'front' | 'side'): string =>
  sky('wall', '#3b3f4a', '#1f2229') +
  `<ellipse cx="180" cy="${facing === 'front' ? 200 : 205}" rx="${facing === 'front' ? 52 : 44}" ry="60" fill="#e0b48f"/>` +
  `<path d="M90 640 Q95 330 180 300 Q265 330 270 640 Z" fill="${coat}"/>` +
  `<path d="M118 170 Q180 100 242 170 L250 150 Q180 80 110 150 Z" fill="${coat}"/>` +
  (facing === 'side' ? `<circle cx="280" cy="420" r="34" fill="#ffd86b" opacity="0.9"/>` : '')

const scenes: { name: string; format: 'png' | 'jpeg'; image: Buffer }[] = [
  { name: 'dusk.png', format: 'png', image: svg(640, 360, sky('s1', '#1d2b53', '#ff8a5c') + sea('#243b55', '#ffb38a') + lighthouse(470, '#ffe9a8')) },
  {
    name: 'night.jpg',
    format: 'jpeg',
    image: svg(640, 360, sky('s2', '#050a1f', '#1a2a4f') + `<polygon points="470,121 0,40 0,150" fill="#fff3b0" opacity="0.35"/>` + sea('#0b1733', '#6d8bbf') + lighthouse(470, '#fff3b0')),
  },
  { name: 'storm.jpg', format: 'jpeg', image: svg(640, 360, sky('s3', '#2f3640', '#6c7a89') + sea('#1e272e', '#dfe6e9') + lighthouse(160, '#fff3b0')) },
  { name: 'keeper-front.png', format: 'png', image: svg(360, 640, keeper('#f2c230', 'front')) },
  { name: 'keeper-lantern.jpg', format: 'jpeg', image: svg(360, 640, keeper('#e0a81c', 'side')) },
]

export async function drawSampleImages(): Promise<SampleImage[]> {
  return Promise.all(
    scenes.map(async ({ name, format, image }) => ({
      name,
      bytes: await (format === 'png' ? sharp(image).png() : sharp(image).jpeg({ quality: 85 })).toBuffer(),
    })),
  )
}
