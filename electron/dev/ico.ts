/**
 * A minimal Windows ICO writer and reader, for `build/icon.ico` (electron-builder's Windows and
 * NSIS icon). Layout: ICONDIR (6 bytes) + one ICONDIRENTRY (16 bytes) per image + the images.
 *
 * Images up to 128 px are stored as 32-bit BGRA DIBs (the classic format every Windows tool,
 * rcedit and NSIS's `Icon` directive read); 256 px is stored PNG-compressed (Vista and later), as
 * Windows' own icons do. https://learn.microsoft.com/previous-versions/ms997538(v=msdn.10)
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** One square image: its RGBA pixels (not premultiplied, rows top-down) and its PNG encoding. */
export interface IconImage {
  readonly size: number
  readonly rgba: Uint8Array
  readonly png: Buffer
}

export interface IcoEntry {
  readonly width: number
  readonly height: number
  readonly bitCount: number
  readonly format: 'png' | 'bmp'
  readonly offset: number
  readonly length: number
}

/** Sizes below this are written as DIBs, the rest as PNG. */
const PNG_FROM = 256

export function encodeIco(images: readonly IconImage[]): Buffer {
  if (images.length === 0 || images.length > 255) throw new Error('an ICO holds 1–255 images')
  const payloads = images.map((image) => {
    if (!Number.isInteger(image.size) || image.size < 1 || image.size > 256) throw new Error(`bad icon size ${image.size}`)
    if (image.rgba.length !== image.size * image.size * 4) throw new Error(`rgba length does not match ${image.size}px`)
    return image.size >= PNG_FROM ? image.png : encodeDib(image.size, image.rgba)
  })
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type 1 = icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach((image, index) => {
    const entry = 6 + 16 * index
    const payload = payloads[index] as Buffer
    header.writeUInt8(image.size === 256 ? 0 : image.size, entry) // 0 means 256
    header.writeUInt8(image.size === 256 ? 0 : image.size, entry + 1)
    header.writeUInt8(0, entry + 2) // no palette
    header.writeUInt8(0, entry + 3) // reserved
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(payload.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += payload.length
  })
  return Buffer.concat([header, ...payloads])
}

/**
 * A 32-bit DIB as stored in an ICO: BITMAPINFOHEADER with the height doubled (XOR + AND mask),
 * BGRA rows bottom-up, then a 1-bit AND mask (rows padded to 32 bits; set where fully transparent).
 */
function encodeDib(size: number, rgba: Uint8Array): Buffer {
  const maskStride = Math.ceil(size / 32) * 4
  const info = Buffer.alloc(40)
  info.writeUInt32LE(40, 0)
  info.writeInt32LE(size, 4)
  info.writeInt32LE(size * 2, 8)
  info.writeUInt16LE(1, 12)
  info.writeUInt16LE(32, 14)
  info.writeUInt32LE(0, 16) // BI_RGB
  info.writeUInt32LE(size * size * 4 + maskStride * size, 20)
  const pixels = Buffer.alloc(size * size * 4)
  const mask = Buffer.alloc(maskStride * size)
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y // bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = (row * size + x) * 4
      pixels[to] = rgba[from + 2] as number
      pixels[to + 1] = rgba[from + 1] as number
      pixels[to + 2] = rgba[from] as number
      pixels[to + 3] = rgba[from + 3] as number
      if (rgba[from + 3] === 0) {
        const byte = row * maskStride + (x >> 3)
        mask[byte] = (mask[byte] as number) | (0x80 >> (x & 7))
      }
    }
  }
  return Buffer.concat([info, pixels, mask])
}

/**
 * Reads an ICO's directory and checks every image: a well-formed header, entries inside the file
 * and not overlapping, PNG payloads whose IHDR size matches the entry, DIBs with a 40-byte header,
 * the doubled height and the exact byte length. Throws on the first problem.
 */
export function parseIco(bytes: Buffer): IcoEntry[] {
  if (bytes.length < 6) throw new Error('ICO: shorter than its header')
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('ICO: not an icon file (reserved/type)')
  const count = bytes.readUInt16LE(4)
  if (count === 0) throw new Error('ICO: no images')
  if (bytes.length < 6 + 16 * count) throw new Error('ICO: directory truncated')
  const entries: IcoEntry[] = []
  for (let index = 0; index < count; index++) {
    const at = 6 + 16 * index
    const width = bytes.readUInt8(at) || 256
    const height = bytes.readUInt8(at + 1) || 256
    const bitCount = bytes.readUInt16LE(at + 6)
    const length = bytes.readUInt32LE(at + 8)
    const offset = bytes.readUInt32LE(at + 12)
    if (bytes.readUInt8(at + 3) !== 0) throw new Error(`ICO entry ${index}: reserved byte not 0`)
    if (offset < 6 + 16 * count || length === 0 || offset + length > bytes.length) {
      throw new Error(`ICO entry ${index}: payload ${offset}+${length} outside the file (${bytes.length} bytes)`)
    }
    const payload = bytes.subarray(offset, offset + length)
    let format: IcoEntry['format']
    if (payload.subarray(0, 8).equals(PNG_SIGNATURE)) {
      format = 'png'
      const png = pngSize(payload)
      if (png.width !== width || png.height !== height) {
        throw new Error(`ICO entry ${index}: directory says ${width}x${height}, PNG is ${png.width}x${png.height}`)
      }
    } else {
      format = 'bmp'
      if (payload.length < 40 || payload.readUInt32LE(0) !== 40) throw new Error(`ICO entry ${index}: neither PNG nor BITMAPINFOHEADER`)
      const dibWidth = payload.readInt32LE(4)
      const dibHeight = payload.readInt32LE(8)
      const dibBits = payload.readUInt16LE(14)
      if (dibWidth !== width || dibHeight !== height * 2) {
        throw new Error(`ICO entry ${index}: directory says ${width}x${height}, DIB is ${dibWidth}x${dibHeight}/2`)
      }
      const expected = 40 + width * height * (dibBits / 8) + Math.ceil(width / 32) * 4 * height
      if (dibBits !== 32 || payload.length !== expected) throw new Error(`ICO entry ${index}: DIB is ${payload.length} bytes, expected ${expected} at 32 bpp`)
    }
    entries.push({ width, height, bitCount, format, offset, length })
  }
  const sorted = [...entries].sort((a, b) => a.offset - b.offset)
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as IcoEntry
    if ((sorted[i] as IcoEntry).offset < previous.offset + previous.length) throw new Error('ICO: image payloads overlap')
  }
  return entries
}

/** Width and height from a PNG's IHDR chunk (which must come first). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG with an IHDR chunk')
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}
