/**
 * `npm run bars`: proves that each protection has a test that fails without it. For every entry,
 * a scratch copy of the work tree gets exactly that protection removed (a literal text edit that
 * must match once, so a renamed protection makes this script fail instead of silently passing),
 * then the tests named for it run there and MUST fail. Exit 1 when a removal goes unnoticed.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

interface Bar {
  readonly name: string
  readonly file: string
  readonly find: string
  readonly replace: string
  readonly tests: readonly string[]
}

/** The protections a review deleted without any test failing (issue "Repair you can trust"). */
export const BARS: readonly Bar[] = [
  {
    name: 'wslconfig-write refuses a file that changed since the scan',
    file: 'electron/fixes/scripts/wslconfig-write.ps1',
    find: 'if ($currentBase64 -cne $expectedCanonical) { throw "$path changed since the scan; scan again before changing it." }',
    replace: '',
    tests: ['electron/fixes/scripts/wslconfig-files.pwsh.test.ts'],
  },
  {
    name: "undo-restore-file restores only the profile's .wslconfig",
    file: 'electron/fixes/scripts/undo-restore-file.ps1',
    find: 'if ([string]$WndInput.path -ine $path) { throw "Only $path can be restored; refused $($WndInput.path)." }',
    replace: '$path = [string]$WndInput.path',
    tests: ['electron/fixes/scripts/wslconfig-files.pwsh.test.ts'],
  },
  {
    name: 'the elevated bootstrap runs nothing whose SHA-256 is not the pinned one',
    file: 'electron/powershell/elevation/scripts.ts',
    find: "-cne'${pinned}'){",
    replace: '-cne$null -and $false){',
    tests: ['electron/powershell/elevation/bootstrap.pwsh.test.ts'],
  },
  {
    name: 'undo information comes from the plan before a step runs',
    file: 'electron/repair/apply-phase.ts',
    find: 'const known = undoBeforeFromPlan(plan, steps)',
    replace: 'const known = steps.map(() => null)',
    tests: ['electron/repair/fault-injection/fault-injection.test.ts', 'electron/ipc/repair-flow.test.ts'],
  },
  {
    name: 'unelevated steps before the elevated ones run only after UAC was granted',
    file: 'electron/repair/apply-phase.ts',
    find: 'const elevatedOutcome = await deps.elevator.runElevated(batch, {',
    replace: 'await runUnelevated(before)\n  const elevatedOutcome = await deps.elevator.runElevated(batch, {',
    tests: ['electron/repair/fault-injection/fault-injection.test.ts', 'electron/ipc/repair-flow.test.ts'],
  },
  {
    name: "a phase whose step its script's registry entry refuses stops before the journal",
    file: 'electron/repair/apply-phase.ts',
    find: '  checkStepInputs(steps)\n',
    replace: '',
    tests: ['electron/repair/apply-phase-input.test.ts'],
  },
  {
    name: 'no script is composed from a step input its registry entry refuses',
    file: 'electron/repair/compose-fix-script.ts',
    find: '  if (!parsed.ok) throw new Error(parsed.error)\n',
    replace: '',
    tests: ['electron/repair/fix-catalog-runs.test.ts'],
  },
  {
    name: "PowerShell sessions read output with our delimiter reader (child-shell's hangs in Constrained Language)",
    file: 'electron/powershell/node-powershell-host.ts',
    find: '.readBulkFromOutput = readBetweenDelimiters',
    replace: '.readBulkFromOutput = (this as unknown as { readBulkFromOutput: never }).readBulkFromOutput',
    tests: ['electron/powershell/node-powershell-host.pwsh.test.ts'],
  },
  {
    name: 'navigation away from the app is stopped',
    file: 'electron/main/harden.ts',
    find: "contents.on('will-navigate', (event, url) => {\n      if (!sameOrigin(url, options.appOrigin)) event.preventDefault()",
    replace: "contents.on('will-navigate', (event, url) => {\n      void event; void url",
    tests: ['electron/main/harden.test.ts'],
  },
  {
    name: 'the preload exposes named methods only',
    file: 'electron/preload/index.ts',
    find: 'contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api))',
    replace:
      "api['invoke'] = (channel: string, input?: unknown) => ipcRenderer.invoke(channel, input)\ncontextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api))",
    tests: ['electron/preload/index.test.ts'],
  },
  {
    name: 'resume registration accepts only an existing .exe',
    file: 'electron/fixes/scripts/register-resume.ps1',
    find: `if ($exe -notmatch '^[A-Za-z]:\\\\[^"<>|*?]+\\.exe$' -or -not (Test-Path -LiteralPath $exe -PathType Leaf)) {`,
    replace: 'if ($false) {',
    tests: ['electron/fixes/scripts/restart-helpers.pwsh.test.ts'],
  },
  {
    name: 'undo-restore-file refuses a file edited after our change',
    file: 'electron/fixes/scripts/undo-restore-file.ps1',
    find: 'if ($currentBase64 -cne $writtenCanonical -and $currentBase64 -cne $previousCanonical) { throw "$path changed since our change; refused to overwrite it." }',
    replace: '',
    tests: ['electron/fixes/scripts/wslconfig-files.pwsh.test.ts'],
  },
  {
    name: 'undo restores over a newer file only with the exact bytes the user chose to replace',
    file: 'electron/ipc/repair-handlers.ts',
    find: 'if (!allowed.includes(current.base64)) {',
    replace: 'if (allowed.length < 0) {',
    tests: ['electron/repair/undo-guards.test.ts'],
  },
  {
    name: 'undo re-validates journal values against what the fixes may write',
    file: 'electron/repair/undo-entry.ts',
    find: 'const checked = checkRecord(record)',
    replace: 'const checked = { ok: true, record }',
    tests: ['electron/repair/undo-guards.test.ts'],
  },
  {
    name: 'a step that was refused or never ran has nothing to undo',
    file: 'electron/repair/apply-phase.ts',
    find: "if (s.status === 'running' || (s.status === 'done' && s.result?.changed !== false)) records.push(s.undo)",
    replace: 'records.push(s.undo)',
    tests: ['electron/repair/undo-guards.test.ts'],
  },
  {
    name: 'the elevated side re-validates a registry undo against its allow-list',
    file: 'electron/fixes/scripts/undo-registry-value.ps1',
    find: `if (-not $allowedValues.ContainsKey($which) -or $which -cne $which.ToLowerInvariant()) { throw "Registry value '$which' is not one this step may restore." }`,
    replace: '',
    tests: ['electron/fixes/scripts/registry-values.pwsh.test.ts'],
  },
  {
    name: 'the elevated side re-validates a service start type against its allow-list',
    file: 'electron/fixes/scripts/service-start-type.ps1',
    find: `if (-not $scStartTypes.ContainsKey($startType) -or $startType -cne $startType.ToLowerInvariant()) { throw "Start type '$startType' is not allowed." }`,
    replace: '',
    tests: ['electron/fixes/scripts/service-start-type.pwsh.test.ts'],
  },
  {
    name: '.wslconfig edits never cut a UTF-8 sequence in two',
    file: 'shared/wslconfig/byte-edit.ts',
    find: '  while (p > 0 && mapped.starts[p] === mapped.starts[p - 1]) p--\n',
    replace: '',
    tests: ['shared/wslconfig/byte-edit.test.ts'],
  },
  {
    name: '.wslconfig edits never re-encode bytes that are not UTF-8 (manual edit instead)',
    file: 'shared/wslconfig/byte-edit.ts',
    find: "if (middle.includes('\\ufffd')) return null",
    replace: '',
    tests: ['shared/wslconfig/byte-edit.test.ts', 'shared/repair/catalog/wslconfig-fixes.test.ts'],
  },
  {
    name: '.wslconfig fixes keep the bytes outside the edited lines (no whole-file re-encode)',
    file: 'shared/repair/catalog/wslconfig-fixes.ts',
    find: "const after = result.kind === 'edited' ? result.bytes : (file.bytes ?? new Uint8Array())",
    replace: "const after = result.kind === 'edited' ? encodeUtf8(result.after) : (file.bytes ?? new Uint8Array())",
    tests: ['shared/repair/catalog/wslconfig-fixes.test.ts', 'electron/fixes/scripts/wslconfig-files.pwsh.test.ts'],
  },
]

const root = resolve(__dirname, '..', '..')

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wnd-bars-'))
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean)
  for (const file of files) {
    if (file.startsWith('.tools/') || file.startsWith('node_modules/')) continue
    try {
      cpSync(join(root, file), join(dir, file), { recursive: false })
    } catch {
      // A tracked file deleted in the work tree: nothing to copy.
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  symlinkSync(join(root, '.tools'), join(dir, '.tools'))
  return dir
}

function main(): void {
  const only = process.argv[2]
  const bars = only === undefined ? BARS : BARS.filter((bar) => bar.name.includes(only))
  const base = scratchCopy()
  let unnoticed = 0
  try {
    for (const bar of bars) {
      const path = join(base, bar.file)
      const original = readFileSync(path, 'utf8')
      const count = original.split(bar.find).length - 1
      if (count !== 1) {
        console.log(`BROKEN   ${bar.name}: the protection text occurs ${count} times in ${bar.file} (update protection-bars.ts)`)
        unnoticed++
        continue
      }
      writeFileSync(path, original.replace(bar.find, bar.replace))
      const run = spawnSync(process.execPath, [join(base, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...bar.tests], {
        cwd: base,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      })
      writeFileSync(path, original)
      const red = run.status !== 0
      console.log(`${red ? 'CAUGHT  ' : 'MISSED  '} ${bar.name} (${bar.tests.join(', ')})`)
      if (!red) unnoticed++
    }
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
  console.log(`bars: ${bars.length - unnoticed} passed, ${unnoticed} failed`)
  process.exit(unnoticed === 0 ? 0 : 1)
}

if (require.main === module) main()
