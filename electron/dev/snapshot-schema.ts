import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { MachineSnapshot } from '../../shared/machine/snapshot'

/** The snapshot format as JSON Schema, generated from the zod schema the app validates with. */
export function snapshotJsonSchema(): string {
  const schema = z.toJSONSchema(MachineSnapshot, { target: 'draft-2020-12', io: 'input' })
  return `${JSON.stringify({ title: 'WSL Network Doctor machine snapshot', ...schema }, null, 2)}\n`
}

export const SNAPSHOT_SCHEMA_PATH = join(__dirname, '..', '..', 'docs', 'snapshot.schema.json')

// `tsx electron/dev/snapshot-schema.ts` rewrites docs/snapshot.schema.json.
if (process.argv[1] && /snapshot-schema\.ts$/.test(process.argv[1])) {
  writeFileSync(SNAPSHOT_SCHEMA_PATH, snapshotJsonSchema())
  console.log(`wrote ${SNAPSHOT_SCHEMA_PATH}`)
}
