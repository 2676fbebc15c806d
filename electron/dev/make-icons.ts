import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { encodeIco, type IconImage } from './ico'

/**
 * `npm run icons`: renders `assets/icon.svg` with Chromium and writes the installer's icons
 * (committed; rerun after changing the SVG):
 *   build/icon.ico  16, 24, 32, 48, 64, 128 (32-bit DIB) and 256 (PNG) px — exe, installer, shortcuts
 *   build/icon.png  512 px — electron-builder's fallback and other targets
 *
 * Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else Playwright's own download.
 * Each size is drawn from the vector, not scaled down from a big bitmap, so small sizes stay crisp.
 */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const
const PNG_SIZE = 512

const repoRoot = join(__dirname, '..', '..')

function chromiumPath(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return fromEnv
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

interface Rendered {
  readonly size: number
  readonly pngBase64: string
  readonly rgbaBase64: string
}

/** Runs in the page: draws the SVG at each size and returns PNG and raw RGBA, base64. */
const RENDER_IN_PAGE = `async (svgText, wanted) => {
  const image = new Image()
  image.src = 'data:image/svg+xml;base64,' + btoa(svgText)
  await image.decode()
  const toBase64 = (bytes) => {
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(binary)
  }
  return wanted.map((size) => {
    const canvas = document.createElement('canvas')
    canvas.width = size
    canvas.height = size
    const context = canvas.getContext('2d')
    context.imageSmoothingQuality = 'high'
    context.drawImage(image, 0, 0, size, size)
    return {
      size,
      pngBase64: canvas.toDataURL('image/png').slice('data:image/png;base64,'.length),
      rgbaBase64: toBase64(context.getImageData(0, 0, size, size).data),
    }
  })
}`

async function render(svg: string, sizes: readonly number[]): Promise<IconImage[]> {
  const executablePath = chromiumPath()
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    // Passed as text: tsx's esbuild would otherwise wrap the function in helpers the page lacks.
    const rendered = await page.evaluate<Rendered[]>(`(${RENDER_IN_PAGE})(${JSON.stringify(svg)}, ${JSON.stringify(sizes)})`)
    return rendered.map((item) => ({
      size: item.size,
      png: Buffer.from(item.pngBase64, 'base64'),
      rgba: new Uint8Array(Buffer.from(item.rgbaBase64, 'base64')),
    }))
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const svg = readFileSync(join(repoRoot, 'assets', 'icon.svg'), 'utf8')
  const images = await render(svg, [...ICO_SIZES, PNG_SIZE])
  const ico = encodeIco(images.filter((image) => image.size <= 256))
  const png = images.find((image) => image.size === PNG_SIZE)
  if (png === undefined) throw new Error('512 px render missing')
  writeFileSync(join(repoRoot, 'build', 'icon.ico'), ico)
  writeFileSync(join(repoRoot, 'build', 'icon.png'), png.png)
  console.log(`build/icon.ico: ${ICO_SIZES.join(', ')} px, ${ico.length} bytes; build/icon.png: ${PNG_SIZE} px, ${png.png.length} bytes`)
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
