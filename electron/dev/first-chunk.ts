import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { z } from 'zod'

/** Vite's build manifest (`build.manifest`): each chunk, its file and the chunks it imports. */
const Manifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
  }),
)

export interface FirstChunk {
  /** The JavaScript files a browser must load before the first screen: the entry and its static imports. */
  readonly files: readonly string[]
  readonly bytes: number
  readonly gzipBytes: number
}

/**
 * The renderer's initial JavaScript in a build made with `build.manifest: true`: the entry script
 * plus every chunk it imports statically, transitively (dynamic imports load later and are not
 * counted). Gzip as a server or Electron's protocol would send it; the budget is issue 14's.
 */
export function measureFirstChunk(outDir: string): FirstChunk {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')))
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry === true && manifest[key]?.file.endsWith('.js'))
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const next of manifest[key]?.imports ?? []) visit(next)
  }
  // The report worker is an entry of its own, started only on the Report step.
  for (const key of entries.filter((k) => !k.includes('.worker'))) visit(key)
  const files = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'))
  let bytes = 0
  let gzipBytes = 0
  for (const file of files) {
    const content = readFileSync(join(outDir, file))
    bytes += content.length
    gzipBytes += gzipSync(content, { level: 9 }).length
  }
  return { files, bytes, gzipBytes }
}
