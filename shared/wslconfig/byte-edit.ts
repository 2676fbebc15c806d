/**
 * Applies a text edit of `.wslconfig` to its bytes so that only the bytes of the edited lines change:
 * every other byte, the BOM, the encoding, line ends and a trailing odd byte stay exactly as they
 * were (docs/knowledge/wslconfig.md#byte-exact-edits). When that is impossible (the edit would
 * have to re-encode bytes that are not valid UTF-8, such as ANSI/GBK text), the answer is the
 * manual edit instead of a write that silently changes them.
 */
import { mapBytes, type ByteMappedText } from './byte-map'
import type { WslConfigEncoding } from './decode'
import { encodeUtf8 } from './utf8'

/** What an edit of the file's bytes gives. `before`/`after` are the texts the bytes really hold. */
export type ByteEditResult =
  | { readonly kind: 'edited'; readonly bytes: Uint8Array; readonly before: string; readonly after: string; readonly encoding: WslConfigEncoding }
  | { readonly kind: 'unchanged'; readonly before: string; readonly encoding: WslConfigEncoding }
  /** The wanted text cannot be written without changing bytes outside the edit: the user edits by hand. */
  | { readonly kind: 'manual'; readonly reason: 'undecodable-bytes'; readonly before: string; readonly after: string; readonly encoding: WslConfigEncoding }

/** A new file: UTF-8 without BOM and Windows line ends (WSL reads it, Notepad shows it right). */
export function newFileBytes(text: string): Uint8Array {
  return encodeUtf8(text.replace(/\r?\n/g, '\r\n'))
}

/**
 * Runs `change` on the file's text (its own line ends kept) and splices only the changed units back
 * into the original bytes. `bytes === null`: the file does not exist and is created.
 */
export function editFileBytes(bytes: Uint8Array | null, change: (rawText: string) => string): ByteEditResult {
  if (bytes === null) {
    const created = newFileBytes(change(''))
    return { kind: 'edited', bytes: created, before: '', after: mapBytes(created).rawText, encoding: 'utf8' }
  }
  const mapped = mapBytes(bytes)
  const before = mapped.rawText
  const after = change(before)
  if (after === before) return { kind: 'unchanged', before, encoding: mapped.encoding }
  const spliced = splice(bytes, mapped, after)
  // Proof, not hope: the new bytes must read back as exactly the wanted text.
  if (spliced === null || mapBytes(spliced).rawText !== after) return { kind: 'manual', reason: 'undecodable-bytes', before, after, encoding: mapped.encoding }
  return { kind: 'edited', bytes: spliced, before, after, encoding: mapped.encoding }
}

/** Old bytes before the first changed unit + the new units encoded + old bytes after the last one. */
function splice(bytes: Uint8Array, mapped: ByteMappedText, after: string): Uint8Array | null {
  const old = mapped.rawText
  let p = 0
  const limit = Math.min(old.length, after.length)
  while (p < limit && old.charCodeAt(p) === after.charCodeAt(p)) p++
  let s = 0
  while (s < limit - p && old.charCodeAt(old.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++
  // Never cut a UTF-8 sequence in two (the two units of a surrogate pair share one start).
  while (p > 0 && mapped.starts[p] === mapped.starts[p - 1]) p--
  while (s > 0 && mapped.starts[old.length - s] === mapped.starts[old.length - s - 1]) s--
  const middle = after.slice(p, after.length - s)
  // A U+FFFD to write stands for bytes we cannot reproduce (or a real U+FFFD we would not tell apart).
  // Replaced units inside the old middle go away with the text the edit removes: that is the edit.
  if (middle.includes('\ufffd')) return null
  const head = bytes.subarray(0, mapped.starts[p] ?? 0)
  const tail = bytes.subarray(mapped.starts[old.length - s] ?? bytes.length)
  const body = mapped.encoding === 'utf16le-bom' ? utf16le(middle) : encodeUtf8(middle)
  const out = new Uint8Array(head.length + body.length + tail.length)
  out.set(head, 0)
  out.set(body, head.length)
  out.set(tail, head.length + body.length)
  return out
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    out[i * 2] = unit & 0xff
    out[i * 2 + 1] = unit >> 8
  }
  return out
}
