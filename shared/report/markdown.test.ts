import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { snapshotOfScenario } from '../../electron/simulated-pc/scenario-snapshot'
import { diagnose } from '../diagnosis/diagnose'
import { findScenario } from '../scenarios'
import { mdFence, mdInline } from './markdown-escape'
import { reportMarkdown } from './markdown'
import { prepareReport } from './prepare'

const takenAt = new Date('2026-11-21T10:00:00Z')
const snapshotOf = (id: string) => snapshotOfScenario(findScenario(id)!, { appVersion: '0.1.0', takenAt })

const CASES = [
  { file: 'seed-22000-mirrored.en.md', scenario: 'seed-22000-mirrored', language: 'en', tried: [] },
  {
    file: 'nat-0x80041002.zh-CN.md',
    scenario: 'nat-0x80041002',
    language: 'zh-CN',
    tried: [
      { fixId: 'wsl-shutdown', startedAt: '2026-11-21T10:02:00Z', finishedAt: '2026-11-21T10:02:09Z', undoneAt: null },
      { fixId: 'delete-wsl-hns-network', startedAt: '2026-11-21T10:05:00Z', finishedAt: '2026-11-21T10:05:31Z', undoneAt: '2026-11-21T10:20:00Z' },
    ],
  },
] as const

function fences(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^`{3,}/.test(line))
}

describe('reportMarkdown fixtures (regenerate with WND_UPDATE_FIXTURES=1)', () => {
  it.each(CASES.map((c) => [c.file, c]))('%s', (_file, c) => {
    const report = prepareReport(snapshotOf(c.scenario), { language: c.language, redact: true, tried: c.tried, appVersion: '0.1.0' })
    const path = join(__dirname, '__fixtures__', c.file)
    if (process.env['WND_UPDATE_FIXTURES'] === '1') writeFileSync(path, report.markdown)
    expect(report.markdown).toBe(readFileSync(path, 'utf8'))
  })
})

describe('snapshot fixtures the component tests open (regenerate with WND_UPDATE_FIXTURES=1)', () => {
  it.each([['seed-22000-mirrored'], ['nat-0x80041002']])('%s.snapshot.json is what a scan of the scenario records', (id) => {
    const path = join(__dirname, '__fixtures__', `${id}.snapshot.json`)
    const json = JSON.stringify(snapshotOf(id), null, 2) + '\n'
    if (process.env['WND_UPDATE_FIXTURES'] === '1') writeFileSync(path, json)
    expect(readFileSync(path, 'utf8')).toBe(json)
  })
})

describe('reportMarkdown structure', () => {
  it('has the sections a GitHub issue needs, in order, and balanced fences', () => {
    for (const c of CASES) {
      const { markdown, findings } = prepareReport(snapshotOf(c.scenario), { language: c.language, redact: true, tried: c.tried, appVersion: '0.1.0' })
      const headings = markdown.split('\n').filter((line) => line.startsWith('#'))
      expect(headings[0]).toMatch(/^## /)
      // This PC, networking inside WSL, findings, passed checks, what was tried, not checked.
      expect(headings.filter((h) => h.startsWith('### ')).length).toBe(6)
      expect(headings.filter((h) => h.startsWith('#### ')).length).toBe(findings.length)
      expect(fences(markdown).length % 2).toBe(0)
      expect(fences(markdown).length).toBeGreaterThan(0)
      expect(markdown).toMatch(/\| 10\.0\.\d+\.\d+|Windows 1[01] · 10\.0\.\d+\.\d+/)
      expect(markdown).toMatch(/WSL Network Doctor 0\.1\.0 .*1/)
      expect(markdown).not.toMatch(/[A-Za-z]:\\+Users\\+(?!\\?<user)/i)
      expect(markdown.endsWith('</sub>\n')).toBe(true)
    }
  })

  it('names the user when redaction is off, and never when it is on', () => {
    const snapshot = snapshotOf('seed-22000-mirrored')
    const config = snapshot.facts['wslconfig-file']
    expect(config?.status === 'known' && config.data.path).toBe('C:\\Users\\lei\\.wslconfig')
    const plain = prepareReport(snapshot, { language: 'en', redact: false, appVersion: '0.1.0', pasted: 'wsl: C:\\Users\\lei\\.wslconfig:2 unknown key' })
    const hidden = prepareReport(snapshot, { language: 'en', redact: true, appVersion: '0.1.0', pasted: 'wsl: C:\\Users\\lei\\.wslconfig:2 unknown key' })
    expect(plain.markdown).toContain('C:\\Users\\lei')
    expect(hidden.markdown).not.toMatch(/\blei\b/)
    expect(hidden.markdown).toContain('C:\\Users\\<user>\\.wslconfig:2')
    expect(hidden.findings.map((f) => f.id)).toEqual(plain.findings.map((f) => f.id))
  })

  it('lists probes that were not read, with their reason', () => {
    const snapshot = snapshotOfScenario(findScenario('seed-22000-mirrored')!, { appVersion: '0.1.0', takenAt, allowWslStart: false })
    const markdown = reportMarkdown(snapshot, diagnose(snapshot), { language: 'en', appVersion: '0.1.0' })
    expect(markdown).toContain('- WSL startup messages and networking mode: not run: starting WSL was not allowed')
    expect(markdown).toContain('| Networking mode in use (wslinfo) | unknown (not run: starting WSL was not allowed) |')
  })
})

describe('Markdown escaping', () => {
  it('keeps paths and placeholders visible outside code', () => {
    expect(mdInline('C:\\Users\\<user>\\.wslconfig | a_b')).toBe('C:\\\\Users\\\\\\<user\\>\\\\.wslconfig \\| a\\_b')
  })
  it('picks a fence longer than any backtick run inside', () => {
    expect(mdFence('a ``` b')).toBe('````text\na ``` b\n````')
    expect(mdFence('plain\r\n')).toBe('```text\nplain\n```')
  })
})
