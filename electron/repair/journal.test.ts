import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeAtomicFs, type AtomicFs } from './atomic-file'
import { Journal, type JournalEntry } from './journal'

function entry(id: string, fixId = 'wslconfig-set-nat'): JournalEntry {
  return {
    id,
    fixId,
    startedAt: '2026-11-21T10:00:00.000Z',
    finishedAt: null,
    phase: 0,
    steps: [
      {
        script: 'wslconfig-write',
        describe: { key: 'step.wslconfig-write', args: { path: 'C:\\Users\\a\\.wslconfig' } },
        status: 'pending',
        result: null,
        error: null,
        undo: null,
      },
    ],
    undo: [{ kind: 'restore-file', path: 'C:\\Users\\a\\.wslconfig', previousBase64: 'W3dzbDJdCm5ldHdvcmtpbmdNb2RlPW1pcnJvcmVkCg==', backupPath: null }],
    undoOf: null,
    recovery: null,
    undoneAt: null,
  }
}

describe('Journal', () => {
  it('keeps entries across instances (a restart of the app)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wnd-journal-')), 'journal.json')
    await new Journal(path).put(entry('a'))
    await new Journal(path).put({ ...entry('a'), finishedAt: '2026-11-21T10:00:05.000Z' })
    await new Journal(path).put(entry('b'))
    const entries = await new Journal(path).entries()
    expect(entries.map((e) => [e.id, e.finishedAt])).toEqual([
      ['a', '2026-11-21T10:00:05.000Z'],
      ['b', null],
    ])
  })

  it('survives a crash between writing the new journal and renaming it: the old one stays whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wnd-journal-'))
    const path = join(dir, 'journal.json')
    await new Journal(path).put(entry('a'))
    const crashing: AtomicFs = { ...nodeAtomicFs, rename: async () => Promise.reject(new Error('power cut')) }
    await expect(new Journal(path, crashing).put(entry('b'))).rejects.toThrow('power cut')
    expect(readdirSync(dir).some((name) => name.includes('.tmp-'))).toBe(true)
    const after = await new Journal(path).entries()
    expect(after.map((e) => e.id)).toEqual(['a'])
    // The stale temp file is cleaned up on the next read; the journal itself is untouched.
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('survives a crash before the temp file was flushed', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wnd-journal-')), 'journal.json')
    await new Journal(path).put(entry('a'))
    const crashing: AtomicFs = { ...nodeAtomicFs, fsync: async () => Promise.reject(new Error('killed')) }
    await expect(new Journal(path, crashing).put(entry('b'))).rejects.toThrow('killed')
    expect((await new Journal(path).entries()).map((e) => e.id)).toEqual(['a'])
  })

  it('sets an unreadable journal aside instead of overwriting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wnd-journal-'))
    const path = join(dir, 'journal.json')
    writeFileSync(path, '{"version": 1, "entries": [tor')
    expect(await new Journal(path).entries()).toEqual([])
    const aside = readdirSync(dir).find((name) => name.startsWith('journal.json.unreadable-'))
    expect(aside).toBeDefined()
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toContain('tor')
  })
})
