import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { measureFirstChunk } from './first-chunk'

/** Issue 14: the first screen's JavaScript, gzip. React, the shell, both UI catalogs and Welcome fit. */
const FIRST_CHUNK_BUDGET_BYTES = 150 * 1024

const outDir = mkdtempSync(join(tmpdir(), 'wnd-first-chunk-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the renderer first chunk', () => {
  it(`stays within ${FIRST_CHUNK_BUDGET_BYTES / 1024} KB gzip, with WSL's message tables and the rules out of it`, async () => {
    // As `npm run build:web` builds it: Vitest's NODE_ENV=test would bundle React's development build.
    const nodeEnv = process.env['NODE_ENV']
    process.env['NODE_ENV'] = 'production'
    try {
      await build({
        configFile: join(__dirname, '..', '..', 'renderer', 'vite.config.mts'),
        mode: 'web',
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true, manifest: true },
      })
    } finally {
      process.env['NODE_ENV'] = nodeEnv
    }
    const first = measureFirstChunk(outDir)
    console.log(`first chunk: ${first.files.length} files, ${(first.bytes / 1024).toFixed(1)} KB, ${(first.gzipBytes / 1024).toFixed(1)} KB gzip`)
    expect(first.gzipBytes).toBeLessThanOrEqual(FIRST_CHUNK_BUDGET_BYTES)
    expect(first.files.some((file) => /diagnose|FindingsStep|ReportStep/.test(file))).toBe(false)
  }, 120_000)
})
