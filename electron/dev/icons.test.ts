import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeIco, parseIco, pngSize } from './ico'

const buildDir = join(__dirname, '..', '..', 'build')

/** Reads one pixel (top-down x, y) of a 32-bit DIB entry back as RGBA. */
function dibPixel(ico: Buffer, entry: { offset: number; width: number }, x: number, y: number): [number, number, number, number] {
  const row = entry.width - 1 - y // stored bottom-up
  const at = entry.offset + 40 + (row * entry.width + x) * 4
  return [ico[at + 2] as number, ico[at + 1] as number, ico[at] as number, ico[at + 3] as number]
}

describe('installer icons (build/, made by `npm run icons` from assets/icon.svg)', () => {
  const ico = readFileSync(join(buildDir, 'icon.ico'))

  it('icon.ico is a well-formed ICO with 16…256 px images (DIBs, 256 as PNG)', () => {
    const entries = parseIco(ico)
    expect(entries.map((entry) => [entry.width, entry.height, entry.bitCount, entry.format])).toEqual([
      [16, 16, 32, 'bmp'],
      [24, 24, 32, 'bmp'],
      [32, 32, 32, 'bmp'],
      [48, 48, 32, 'bmp'],
      [64, 64, 32, 'bmp'],
      [128, 128, 32, 'bmp'],
      [256, 256, 32, 'png'],
    ])
  })

  it('the small images are the artwork, the right way up (not blank, not flipped)', () => {
    const entry = parseIco(ico).find((candidate) => candidate.width === 32)
    if (entry === undefined) throw new Error('no 32 px image')
    const [r, g, b, a] = dibPixel(ico, entry, 16, 7) // the white cross at the top of assets/icon.svg
    expect(Math.min(r, g, b, a)).toBeGreaterThan(200)
    const below = dibPixel(ico, entry, 16, 27) // blue background under the pulse line
    expect(below[2]).toBeGreaterThan(below[0] + 50)
    expect(dibPixel(ico, entry, 0, 0)[3]).toBeLessThan(64) // rounded, transparent corner
  })

  it('icon.png is a 512 px PNG', () => {
    expect(pngSize(readFileSync(join(buildDir, 'icon.png')))).toEqual({ width: 512, height: 512 })
  })

  describe('planted defects fail', () => {
    const png1 = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from([0, 0, 1, 0, 0, 0, 0, 1])])
    const valid = () => encodeIco([{ size: 2, rgba: new Uint8Array(16).fill(255), png: png1 }])

    it('round-trips a small image', () => {
      expect(parseIco(valid())).toEqual([{ width: 2, height: 2, bitCount: 32, format: 'bmp', offset: 22, length: 40 + 16 + 8 }])
    })

    it('a truncated file, a bad type, a payload outside the file or a size mismatch throw', () => {
      expect(() => parseIco(valid().subarray(0, 30))).toThrow(/outside the file/)
      const badType = valid()
      badType.writeUInt16LE(2, 2) // 2 = cursor
      expect(() => parseIco(badType)).toThrow(/not an icon file/)
      const wrongSize = valid()
      wrongSize.writeUInt8(4, 6) // directory claims 4 px
      expect(() => parseIco(wrongSize)).toThrow(/directory says 4x2/)
      const pngIco = encodeIco([{ size: 256, rgba: new Uint8Array(256 * 256 * 4), png: png1 }])
      expect(() => parseIco(pngIco)).toThrow(/PNG is 256x1/)
    })
  })
})
