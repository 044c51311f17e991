// npx tsx scripts/build-icons.ts: writes public/icons/*.png (the app icons the web app manifest
// names) from one drawing: the brand's blue rounded square with a white "П" made of three bars (no
// font needed, so every machine draws it the same). sharp comes with Next.js.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

const BLUE = '#0b5cad'

/** The letter as bars on a 100×100 grid; `inset` leaves the maskable safe zone (80 % circle). */
function drawing(options: { rounded: boolean; scale: number }): string {
  const s = options.scale
  const c = (v: number) => 50 + (v - 50) * s
  const bar = (x: number, y: number, w: number, h: number) => `<rect x="${c(x)}" y="${c(y)}" width="${w * s}" height="${h * s}" rx="${2 * s}" fill="#fff"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${options.rounded ? 22 : 0}" fill="${BLUE}"/>
  ${bar(26, 24, 48, 11)}${bar(26, 24, 12, 54)}${bar(62, 24, 12, 54)}
</svg>`
}

async function main() {
  const out = path.join(__dirname, '..', 'public', 'icons')
  fs.mkdirSync(out, { recursive: true })
  const icons = [
    { file: 'icon-192.png', size: 192, svg: drawing({ rounded: true, scale: 1 }) },
    { file: 'icon-512.png', size: 512, svg: drawing({ rounded: true, scale: 1 }) },
    { file: 'maskable-512.png', size: 512, svg: drawing({ rounded: false, scale: 0.75 }) },
    { file: 'apple-touch-icon.png', size: 180, svg: drawing({ rounded: false, scale: 0.9 }) },
  ]
  for (const icon of icons) {
    const png = await sharp(Buffer.from(icon.svg)).resize(icon.size, icon.size).png({ compressionLevel: 9, palette: true }).toBuffer()
    fs.writeFileSync(path.join(out, icon.file), png)
    console.log(`public/icons/${icon.file}: ${png.length} bytes`)
  }
}

void main()
