/**
 * E-mail addresses found by a linear hand scan. It finds what the old pattern
 * `/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu` found, without its cost:
 * that pattern tried every start of a long run of word characters and scanned it to the end
 * (a 160 KB `.wslconfig` took 35 s). Here the text is visited once from each `@`, and each part is
 * bounded by RFC 5321 (local part 64 octets, domain 255): nothing longer is an address, so a longer
 * run keeps only its last 64 characters as the local part, which still hides the address.
 */
const LOCAL_MAX = 64
const DOMAIN_MAX = 255
const LOCAL = /[\p{L}\p{N}._%+-]/u
const LABEL = /[\p{L}\p{N}-]/u
const LETTER = /\p{L}/u

/** The code point ending just before `end` (surrogate pairs read as one) and its length. */
function before(text: string, end: number): { char: string; size: number } {
  const low = text.charCodeAt(end - 1)
  const high = end >= 2 ? text.charCodeAt(end - 2) : 0
  const size = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1
  return { char: text.slice(end - size, end), size }
}

function at(text: string, index: number): string {
  const cp = text.codePointAt(index)
  return cp === undefined ? '' : String.fromCodePoint(cp)
}

/** [start, end) of every address, left to right and non-overlapping, like `String.prototype.replace` with /g. */
export function findEmails(text: string): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = []
  let floor = 0
  for (let atSign = text.indexOf('@'); atSign !== -1; atSign = text.indexOf('@', atSign + 1)) {
    if (atSign < floor) continue
    let start = atSign
    while (start > floor && atSign - start < LOCAL_MAX) {
      const { char, size } = before(text, start)
      if (!LOCAL.test(char)) break
      start -= size
    }
    if (start === atSign) continue
    const end = domainEnd(text, atSign + 1)
    if (end === null) continue
    found.push([start, end])
    floor = end
  }
  return found
}

/**
 * The end of `label(.label)*.letters{2,}` from `from`: the last label that starts with two letters
 * (not the first) ends the match after its letters, as the greedy pattern backtracked to.
 */
function domainEnd(text: string, from: number): number | null {
  let i = from
  let labelStart = from
  let labels = 0
  let best: number | null = null
  const limit = Math.min(text.length, from + DOMAIN_MAX)
  for (;;) {
    while (i < limit) {
      const char = at(text, i)
      if (!LABEL.test(char)) break
      i += char.length
    }
    if (i === labelStart) break
    if (labels >= 1) {
      let j = labelStart
      let letters = 0
      while (j < i) {
        const char = at(text, j)
        if (!LETTER.test(char)) break
        j += char.length
        letters++
      }
      if (letters >= 2) best = j
    }
    labels++
    if (i >= limit || text[i] !== '.') break
    i++
    labelStart = i
  }
  return best
}

/** `text` with every address replaced by `replace(address)`. */
export function replaceEmails(text: string, replace: (address: string) => string): string {
  const found = findEmails(text)
  if (found.length === 0) return text
  let out = ''
  let last = 0
  for (const [start, end] of found) {
    out += text.slice(last, start) + replace(text.slice(start, end))
    last = end
  }
  return out + text.slice(last)
}
