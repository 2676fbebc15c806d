import { describe, expect, it } from 'vitest'
import { snapshotOfScenario } from '../../electron/simulated-pc/scenario-snapshot'
import { findScenario } from '../scenarios'
import { encodeBase64 } from '../util/base64'
import { encodeUtf8 } from '../wslconfig/utf8'
import { findEmails } from './email-scan'
import { redactSnapshot, redactText } from './redact'

/**
 * Redaction runs on text users control (a 160 KB `.wslconfig` once froze the UI for 35 s), so
 * every pattern must stay linear. Each run below is what one pattern is weakest against.
 */
const RUN = 464 * 1024
const ADVERSARIAL: Readonly<Record<string, string>> = {
  'word run, no @ (e-mail local part)': 'a'.repeat(RUN),
  'local parts then @ (e-mail)': `${'a.'.repeat(RUN / 2)}@`,
  '@ runs': '@'.repeat(RUN),
  'a@ pairs': 'a@'.repeat(RUN / 2),
  'dotted domain with no TLD (e-mail domain)': `x@${'a.'.repeat(RUN / 2)}1`,
  dots: '.'.repeat(RUN),
  'digits and dots (IPv4)': '1.'.repeat(RUN / 2),
  'long digit run (IPv4)': '1'.repeat(RUN),
  'colons (IPv6)': ':'.repeat(RUN),
  'hex and colons (IPv6)': 'a:'.repeat(RUN / 2),
  'hex pairs and colons (MAC)': '0a:'.repeat(RUN / 3),
  'hex pairs and dashes (MAC)': '0A-'.repeat(RUN / 3),
  'backslashes (paths)': `C:\\Users\\${'\\'.repeat(RUN)}`,
  'profile folder with no end (paths)': `C:\\Users\\${'a '.repeat(RUN / 2)}`,
  'dots and spaces in a profile name': `C:\\Users\\x${'. '.repeat(RUN / 2)}x\\`,
  'repeated profile prefixes': 'C:\\Users\\'.repeat(RUN / 9),
  'repeated home prefixes': '/home/'.repeat(RUN / 6),
  'distinct addresses (token numbering)': Array.from({ length: RUN / 16 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`).join(' '),
}

function adversarialSnapshot() {
  const base = snapshotOfScenario(findScenario('zh-cn-localhost-proxy')!, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') })
  const facts = structuredClone(base.facts)
  const events = facts.events
  if (events?.status !== 'known') throw new Error('scenario has no events')
  const runs = Object.values(ADVERSARIAL)
  events.data.logs[0]!.events = runs.map((message, i) => ({
    provider: 'WSL',
    id: 1,
    level: 2,
    timeCreated: '2026-11-21T09:00:00Z',
    message: `${i} ${message}`,
  }))
  const config = facts['wslconfig-file']
  if (config?.status !== 'known') throw new Error('scenario has no .wslconfig fact')
  // The .wslconfig that froze the UI: e-mail-shaped text, inside a base64 blob.
  config.data.contentBase64 = encodeBase64(encodeUtf8(`[wsl2]\r\n# ${'a'.repeat(RUN)}\r\n# zhangwei@example.com\r\n`))
  return { ...base, facts }
}

/**
 * CPU time of this process (user + system) spent in `run`, in ms. Wall time would also count the
 * other test files that share our two cores; CPU time counts only the redaction (and its GC).
 */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage()
  run()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

describe('redaction speed (linear patterns)', () => {
  it('redacts an 8 MiB adversarial snapshot in well under a second', () => {
    const snapshot = adversarialSnapshot()
    const size = JSON.stringify(snapshot).length
    expect(size).toBeGreaterThan(8 * 1024 * 1024)
    let result: ReturnType<typeof redactSnapshot> | undefined
    const elapsed = cpuMs(() => {
      result = redactSnapshot(snapshot)
    })
    const { summary, value } = result!
    console.log(`redactSnapshot: ${(size / 1024 / 1024).toFixed(1)} MiB in ${elapsed.toFixed(0)} ms of CPU`)
    expect(summary.emails).toBeGreaterThanOrEqual(1)
    expect(summary.ips).toBeGreaterThan(RUN / 16 - 10)
    expect(JSON.stringify(value)).not.toContain('zhangwei@')
    // About 0.7 s on an idle machine of ours; the bound leaves room for a loaded CI run while a
    // quadratic pattern (35 s for 160 KB before) still fails by orders of magnitude.
    expect(elapsed).toBeLessThan(1500)
  })

  it.each(Object.entries(ADVERSARIAL))('stays linear on %s', (_name, text) => {
    expect(cpuMs(() => redactText(text))).toBeLessThan(300)
  })
})

describe('findEmails', () => {
  // The pattern it replaces, as the reference for ordinary (short) inputs.
  const OLD = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
  const spans = (text: string) => [...text.matchAll(OLD)].map((m) => [m.index, m.index + m[0].length])

  it('finds what the old pattern found', () => {
    for (const text of [
      'mail zhangwei@example.com now',
      'a@b@c.com',
      'x@y.z',
      'x@y.co1',
      'x@a.bc.d1.ef9',
      '张伟@例子.中国',
      'a@b.cd,e@f.gh',
      'a..b@c.de',
      '-@-.ab',
      'x@-.1.ab.c',
      '@a.bc',
      'a@.bc',
    ]) {
      expect(findEmails(text), text).toEqual(spans(text))
    }
  })

  it('agrees with the old pattern on random short texts', () => {
    let seed = 99
    const alphabet = ['a', 'b', '1', '.', '@', '-', '_', ' ', '张', '😀', 'Z', '%']
    for (let n = 0; n < 20000; n++) {
      let text = ''
      const length = ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 14
      for (let i = 0; i < length; i++) text += alphabet[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % alphabet.length]
      expect(findEmails(text), JSON.stringify(text)).toEqual(spans(text))
    }
  })
})
