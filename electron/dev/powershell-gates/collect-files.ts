import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { GateItem, GateProblem } from './gates'

/** PowerShell files under the given files/dirs, as gate items; unreadable inputs become problems. */

const SKIP_DIRS = new Set(['node_modules', '.git', '.tools', 'out'])
const EXTENSIONS = ['.ps1', '.psm1']

export interface CollectedFiles {
  readonly items: GateItem[]
  /** Problems found before PowerShell sees anything: missing paths, UTF-16 files. */
  readonly problems: GateProblem[]
}

/**
 * Pester tests (`*.Tests.ps1`), test support (`test-support/` folders) and dev tooling
 * (`electron/dev/`) run in pwsh 7 on our machines, never on a user's PC, so only syntax and ASCII
 * apply to them. Everything else ships.
 */
export function roleOf(file: string, repoRoot: string): GateItem['role'] {
  if (/\.tests\.ps1$/i.test(file)) return 'tooling'
  const relative = path.relative(repoRoot, file).split(path.sep).join('/')
  return relative.startsWith('electron/dev/') || relative.split('/').includes('test-support') ? 'tooling' : 'product'
}

export function collectFiles(targets: readonly string[], repoRoot: string): CollectedFiles {
  const files = new Set<string>()
  const problems: GateProblem[] = []
  for (const target of targets) {
    const absolute = path.resolve(target)
    const info = statOrUndefined(absolute)
    if (!info) {
      problems.push(fileProblem(absolute, 'io-error', 'no such file or directory'))
    } else if (info.isDirectory()) {
      for (const file of findScripts(absolute)) files.add(file)
    } else {
      // A file named explicitly is checked whatever its extension: the caller asked for it.
      files.add(absolute)
    }
  }
  const items: GateItem[] = []
  for (const file of [...files].sort()) {
    const bytes = readFileSync(file)
    const bom = bytes.subarray(0, 2).toString('hex')
    if (bom === 'fffe' || bom === 'feff') {
      // Reported once instead of a flood of parse errors from the NUL bytes.
      problems.push(fileProblem(file, 'non-ascii', 'file is UTF-16 encoded; save it as ASCII'))
      continue
    }
    items.push({ name: file, text: bytes.toString('utf8'), role: roleOf(file, repoRoot) })
  }
  return { items, problems }
}

function fileProblem(name: string, rule: string, message: string): GateProblem {
  return { name, line: 1, column: 1, rule, message, blocking: true, fullLanguage: false }
}

function statOrUndefined(file: string) {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

/** Recursive, skipping symlinks (a link cycle cannot hang CI) and dependency folders. */
function findScripts(dir: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...findScripts(full))
    } else if (entry.isFile() && EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      found.push(full)
    }
  }
  return found
}
