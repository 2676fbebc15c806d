import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SNAPSHOT_SCHEMA_PATH, snapshotJsonSchema } from './snapshot-schema'

describe('docs/snapshot.schema.json', () => {
  it('matches the zod schema the app validates snapshots with (run `npx tsx electron/dev/snapshot-schema.ts` after a change)', () => {
    expect(readFileSync(SNAPSHOT_SCHEMA_PATH, 'utf8')).toBe(snapshotJsonSchema())
  })
})
