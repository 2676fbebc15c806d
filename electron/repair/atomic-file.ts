import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { dirname, join } from 'node:path'

/** The file operations atomic writes need, injectable so tests can "crash" between two of them. */
export interface AtomicFs {
  writeFile(path: string, data: string): Promise<void>
  fsync(path: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  readFile(path: string): Promise<string | null>
  readdir(dir: string): Promise<string[]>
  unlink(path: string): Promise<void>
  mkdir(dir: string): Promise<void>
}

export const nodeAtomicFs: AtomicFs = {
  writeFile: (path, data) => fs.writeFile(path, data, { encoding: 'utf8', flag: 'wx' }),
  async fsync(path) {
    const handle = await fs.open(path, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename: (from, to) => fs.rename(from, to),
  readFile: async (path) => {
    try {
      return await fs.readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  },
  readdir: async (dir) => {
    try {
      return await fs.readdir(dir)
    } catch {
      return []
    }
  },
  unlink: (path) => fs.unlink(path),
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true })
  },
}

const TEMP_MARK = '.tmp-'

/**
 * Replaces `path` with `data` so that a reader (or a crash) sees either the old or the new content,
 * never a mix: write a new temp file beside it, flush it to disk, then rename over the target
 * (rename within one folder is atomic on NTFS and ext4). A temp file left by a crash is ignored.
 */
export async function writeFileAtomic(path: string, data: string, io: AtomicFs = nodeAtomicFs): Promise<void> {
  await io.mkdir(dirname(path))
  const temp = `${path}${TEMP_MARK}${randomBytes(6).toString('hex')}`
  await io.writeFile(temp, data)
  await io.fsync(temp)
  await io.rename(temp, path)
}

/** Deletes temp files a crash left behind next to `path` (never the file itself). */
export async function removeStaleTemps(path: string, io: AtomicFs = nodeAtomicFs): Promise<void> {
  const dir = dirname(path)
  const base = path.slice(dir.length + 1)
  for (const name of await io.readdir(dir)) {
    if (name.startsWith(`${base}${TEMP_MARK}`)) await io.unlink(join(dir, name)).catch(() => undefined)
  }
}
