import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FIXABLE_FEATURES, FIXABLE_SERVICES, FIX_SCRIPTS, FIX_SCRIPT_IDS, type FixScriptId } from '../../shared/repair/fix-scripts'
import { StepResult, UndoRecord } from '../../shared/repair/step-result'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { compareKeys, readScriptShapes, type ScriptShape } from '../powershell/test-support/script-shape'
import { FIX_HELPER_SCRIPT_IDS } from '../probes/script-catalog'

// Static contract of the fix scripts (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#restore-points; docs/security.md#elevation).
// PowerShell cannot run on Linux CI, so this is what catches a script that returns other keys than
// StepResult, an elevated script without its allow-list, or a forbidden command.
//
// `Remove-Item` is allowed only on the scripts' own temp files (`Remove-Item -LiteralPath $temp`,
// written by the same script a few lines earlier); user data is never deleted: backups are kept,
// and "undo a created .wslconfig" renames the file instead.
//
// That is also why the atomic .wslconfig swap and the registry-value removal are written out in
// each script that needs them rather than shared in prelude.ps1: every check here reads one script
// on its own, so its allow-list must visibly come before its own first change.

const ELECTRON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SCRIPTS_DIR = path.join(ELECTRON_DIR, 'fixes', 'scripts')
const read = (id: string): string => readFileSync(path.join(SCRIPTS_DIR, `${id}.ps1`), 'utf8')
const STEP_RESULT_KEYS = Object.keys(StepResult.shape)

/** The no-input guard: scripts that take no input refuse any. */
const NO_INPUT_GUARD = "if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }"

const quoteList = (items: readonly string[]): string => `@(${items.map((i) => `'${i}'`).join(', ')})`

/** What each elevated script must check before it changes anything: its own allow-list. */
const ALLOW_LIST_CHECKS: Readonly<Record<string, readonly string[]>> = {
  'restore-point': ['$description.Length -gt 120', "-match '[^\\x20-\\x7e]'"],
  'service-start-type': [
    `$allowedServices = ${quoteList(FIXABLE_SERVICES)}`,
    '$allowedServices -cnotcontains $name',
    '-not $scStartTypes.ContainsKey($startType)',
  ],
  'remove-ipv6-disabled-components': [NO_INPUT_GUARD],
  'remove-hyperv-firewall-disable': [NO_INPUT_GUARD],
  'remove-port-tracker': [NO_INPUT_GUARD],
  'delete-wsl-hns-network': [
    NO_INPUT_GUARD,
    "$wslNetworkNames = @('WSL', 'WSL (Hyper-V firewall)')",
    "$wslNetworkIds = @('b95d0c5e-57d4-412b-b571-18a81a16e005', '790e58b4-7939-4434-9358-89ae7ddbe87e')",
  ],
  'set-feature': [`$allowedFeatures = ${quoteList(FIXABLE_FEATURES)}`, '$allowedFeatures -cnotcontains $feature', '$WndInput.enable -isnot [bool]'],
  'hypervisor-launch-auto': [NO_INPUT_GUARD],
  'vmware-cleanup': [NO_INPUT_GUARD],
  'winsock-reset': [NO_INPUT_GUARD],
  'undo-registry-value': ['-not $allowedValues.ContainsKey($which)', '$previous -gt 4294967295'],
}

/** Commands that change the PC; every allow-list check must come before the first of them. */
const CHANGING =
  /Invoke-WndNative|Remove-ItemProperty|New-ItemProperty|Set-ItemProperty|Remove-HnsNetwork|Disable-NetAdapterBinding|Checkpoint-Computer|\[IO\.File\]::(Copy|Replace|Move|WriteAllBytes)/

/** Code without comments, so a comment that names a forbidden command is not a hit. */
function code(source: string): string {
  return source
    .replace(/<#[\s\S]*?#>/g, '')
    .split('\n')
    .map((line) => (/^\s*#/.test(line) ? '' : line))
    .join('\n')
}

/** Every fix and helper script as PowerShell's parser reads it (one pwsh run: starting pwsh is slow). */
const shapes = readScriptShapes(
  [...FIX_SCRIPT_IDS, ...FIX_HELPER_SCRIPT_IDS].filter((id) => existsSync(path.join(SCRIPTS_DIR, `${id}.ps1`))).map((id) => ({ name: id, text: read(id) })),
)

function shapeOf(id: string): ScriptShape {
  const shape = shapes.get(id)
  if (shape === undefined) throw new Error(`${id} was not read`)
  if (shape.error !== null) throw new Error(`${id}: ${shape.error}`)
  return shape
}

function undoKeysByKind(): Map<string, string[]> {
  return new Map(UndoRecord.options.map((option) => [String(option.shape.kind.value), Object.keys(option.shape)]))
}

describe.each(FIX_SCRIPT_IDS.map((id) => [id]))('fix script %s', (id: FixScriptId) => {
  const source = existsSync(path.join(SCRIPTS_DIR, `${id}.ps1`)) ? read(id) : ''

  it('exists as electron/fixes/scripts/<id>.ps1 with a header citing the project docs', () => {
    expect(source).not.toBe('')
    expect(source.split('\n')[0]).toMatch(new RegExp(`^# Fix ${id} \\(docs/[\\w/-]+\\.md`))
  })

  it('is pure ASCII', () => {
    expect(source).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/)
  })

  it('ends with a top-level return of exactly the StepResult keys, and every other return too', () => {
    const shape = shapeOf(id)
    expect(compareKeys(shape.finalKeys, STEP_RESULT_KEYS)).toEqual({ missingInScript: [], extraInScript: [], duplicatesInScript: [] })
    expect(shape.returns.length).toBeGreaterThan(0)
    for (const keys of shape.returns) expect(compareKeys(keys, STEP_RESULT_KEYS)).toEqual({ missingInScript: [], extraInScript: [], duplicatesInScript: [] })
  })

  it('builds undo records with exactly the keys of their UndoRecord kind', () => {
    const byKind = undoKeysByKind()
    // As many undo records as the text spells: none is missed by the reader.
    expect(shapeOf(id).undos).toHaveLength([...code(source).matchAll(/undo = \[ordered\]@\{/g)].length)
    for (const { kind, keys } of shapeOf(id).undos) {
      expect(byKind.get(kind ?? ''), `undo kind ${kind}`).toBeDefined()
      expect(compareKeys(keys, byKind.get(kind ?? '') ?? [])).toEqual({ missingInScript: [], extraInScript: [], duplicatesInScript: [] })
    }
  })

  it('contains no forbidden command', () => {
    const body = code(source)
    expect(body).not.toMatch(/hnsdiag(\.exe)?\s+reset/i)
    if (/hnsdiag/i.test(body)) expect(body).not.toMatch(/'reset'/i)
    expect(body).not.toMatch(/--unregister/i)
    expect(body).not.toMatch(/Invoke-Expression|\biex\b|Start-Process|Invoke-Command|AddScript/i)
    expect(body).not.toMatch(/int(erface)?'?\s*,?\s*'?ip'?\s*,?\s*'?reset/i)
    for (const line of body.split('\n').filter((l) => /Remove-Item(?!Property)/.test(l))) {
      expect(line).toMatch(/Remove-Item -LiteralPath \$temp -Force/)
    }
  })

  it('runs native programs only by absolute System32 path', () => {
    const body = code(source)
    for (const match of body.matchAll(/Invoke-WndNative -FilePath (\$\w+)/g)) {
      const variable = match[1] as string
      expect(body).toMatch(new RegExp(`\\${variable} = Join-Path \\$env:SystemRoot 'System32\\\\[a-z]+\\.exe'`))
    }
  })

  if (FIX_SCRIPTS[id].elevated) {
    it('checks its allow-list before changing anything', () => {
      const checks = ALLOW_LIST_CHECKS[id]
      expect(checks, 'allow-list checks declared for this elevated script').toBeDefined()
      const firstChange = code(source).search(CHANGING)
      for (const check of checks ?? []) {
        const at = code(source).indexOf(check)
        expect(at, check).toBeGreaterThanOrEqual(0)
        if (firstChange >= 0) expect(at).toBeLessThan(firstChange)
      }
    })

    it('never touches per-user state (HKCU or the profile belong to another account when elevated)', () => {
      expect(code(source)).not.toMatch(/HKCU:|HKEY_CURRENT_USER|GetFolderPath\('UserProfile'\)|\$env:USERPROFILE|\$env:APPDATA|\$env:TEMP/i)
    })
  } else {
    it('changes no machine-wide registry value (runs as the user)', () => {
      expect(code(source)).not.toMatch(/New-ItemProperty|Set-ItemProperty|Remove-ItemProperty|reg(\.exe)?'? (add|delete)/i)
    })
  }
})

describe('fix script files', () => {
  it('has no .ps1 in electron/fixes/scripts that is neither a fix nor a helper', async () => {
    const { readdirSync } = await import('node:fs')
    const known = new Set<string>([...FIX_SCRIPT_IDS, ...FIX_HELPER_SCRIPT_IDS].map((id) => `${id}.ps1`))
    expect(readdirSync(SCRIPTS_DIR).filter((f) => f.endsWith('.ps1') && !known.has(f))).toEqual([])
  })

  it('the boot-time helper returns lastBootUpTime', () => {
    const source = read('boot-time')
    expect(source.split('\n')[0]).toMatch(/^# Helper boot-time \(docs\/[\w/-]+\.md/)
    expect(shapeOf('boot-time').finalKeys).toEqual(['lastBootUpTime'])
  })

  it('the file-system catalog serves every fix and helper script', () => {
    const catalog = createFsScriptCatalog(ELECTRON_DIR)
    for (const id of FIX_SCRIPT_IDS) expect(catalog.fix(id)).toBe(read(id))
    expect(catalog.helper('boot-time')).toBe(read('boot-time'))
    expect(catalog.probe('services').length).toBeGreaterThan(0)
  })

  it('wslconfig-write takes the path from the profile, never from input, and swaps atomically', () => {
    const source = code(read('wslconfig-write'))
    expect(source).toContain("Join-Path $profileDir '.wslconfig'")
    expect(source).not.toMatch(/\$WndInput\.path/)
    expect(source).toContain('[IO.File]::Replace($temp, $path, [NullString]::Value)')
    expect(source).toContain('[IO.File]::Copy($path, $backup, $false)')
  })

  it('restore-point puts the creation frequency back in finally and verifies the new point', () => {
    const source = code(read('restore-point'))
    expect(source).toMatch(/try \{[\s\S]*-Name \$frequencyName -PropertyType DWord -Value 0[\s\S]*Checkpoint-Computer[\s\S]*\} finally \{/)
    expect(source).toMatch(/\} finally \{[\s\S]*\$frequencyName/)
    expect(source).toMatch(/SequenceNumber -gt \$lastBefore/)
  })
})
