import { Writable, type Readable } from 'node:stream'

/**
 * Reads one command's output from a session stream: everything between two occurrences of the
 * command's delimiter.
 *
 * Why not child-shell's own reader (node-powershell 5.0.1 → child-shell 5.0.0): it looks for the
 * closing delimiter only in the last `chunk.length + 16` bytes, and when the whole output arrives
 * in one chunk, only in the last 17 bytes — so it assumes the delimiter is the very end of the
 * stream. In Constrained Language Mode the stderr delimiter is written with `Write-Error`, and
 * PowerShell prints an error record with text after the message: pwsh 7 adds the ANSI reset
 * `ESC[0m` and a newline, Windows PowerShell 5.1 adds "At line:1 …" and "+ CategoryInfo …" lines.
 * When both delimiters of a quick command reach the pipe in one chunk, child-shell never sees the
 * second one and the command hangs until its timeout (seen in our CI: a trivial script timing out
 * at 60 s, one run in several hundred). This reader searches the whole buffer after the first
 * delimiter.
 */
export function betweenDelimiters(buffer: Buffer, delimiter: string): Buffer | undefined {
  const first = buffer.indexOf(delimiter)
  if (first === -1) return undefined
  const start = first + Buffer.byteLength(delimiter)
  const second = buffer.indexOf(delimiter, start)
  if (second === -1) return undefined
  return trimAsciiWhitespace(buffer.subarray(start, second))
}

/** Resolves with the text between the delimiters, and stops reading the stream then. */
export function readBetweenDelimiters(stream: Readable, delimiter: string): Promise<Buffer> {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0)
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        buffer = Buffer.concat([buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk])
        const output = betweenDelimiters(buffer, delimiter)
        if (output !== undefined) {
          stream.unpipe(sink)
          sink.end()
          resolve(output)
        }
        done()
      },
    })
    stream.pipe(sink)
  })
}

function trimAsciiWhitespace(bytes: Buffer): Buffer {
  const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d
  let start = 0
  let end = bytes.length
  while (start < end && isSpace(bytes[start])) start++
  while (end > start && isSpace(bytes[end - 1])) end--
  return bytes.subarray(start, end)
}
