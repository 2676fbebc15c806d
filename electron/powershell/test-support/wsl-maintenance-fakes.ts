/**
 * TEST SUPPORT for the WSL maintenance fix scripts (delete-wsl-hns-network, vmware-cleanup,
 * winsock-reset, wsl-export, wsl-set-default-version, wsl-set-version, wsl-shutdown, wsl-update):
 * a throw-away Windows folder tree per case (System32 programs present as empty files, so the
 * scripts' real Test-Path / Get-Item / New-Item run), recorded native outputs loaded from
 * electron/fixes/scripts/__recorded__/<fix>/<case>.json, and PowerShell fakes the shared
 * fake-windows.ps1 does not offer: native runs that write the file a real run writes (wsl --export,
 * reg export) and an HNS module that behaves like Microsoft's hns.psm1 (errors written from module
 * scope, DELETE responses written to the pipeline).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { wslListOutput, wslOutputEncoding } from '../../simulated-pc/wsl-cli-model'
import { asciiJson } from '../ps-literal'
import { nativeResult, type FakeCall, type FakeCommand, type FakeRule, type FakeWindows, type RecordedNative } from './pwsh-harness'

const RECORDED_DIR = join(__dirname, '..', '..', 'fixes', 'scripts', '__recorded__')

/** One recorded native run in a fixture: which program, which arguments, what it wrote. */
export interface RecordedRun extends RecordedNative {
  /** -like pattern of the program path, e.g. `*wsl.exe`. */
  readonly file: string
  /** -like pattern of the joined arguments, e.g. `--export Ubuntu *`. */
  readonly args: string
}

/** A fixture: cited sources, native runs in order of precedence, and other faked commands. */
export interface RecordedCase {
  readonly source: string | readonly string[]
  readonly native: readonly RecordedRun[]
  readonly commands?: Readonly<Record<string, FakeCommand>>
  /** Native runs answered instead, once a run the case changes the PC with succeeded. */
  readonly after?: readonly RecordedRun[]
  /** The fake HNS module's state (delete-wsl-hns-network). */
  readonly hnsModule?: HnsModuleState
}

export function loadRecorded(fix: string, name: string): RecordedCase {
  return JSON.parse(readFileSync(join(RECORDED_DIR, fix, `${name}.json`), 'utf8')) as RecordedCase
}

/** A throw-away C:\Windows, ProgramData and user profile for one case. */
export interface FakeRoots {
  readonly root: string
  readonly systemRoot: string
  readonly programData: string
  readonly profile: string
  readonly env: Readonly<Record<string, string>>
  dispose(): void
}

const PROGRAMS = ['wsl.exe', 'hnsdiag.exe', 'netsh.exe', 'reg.exe', 'icacls.exe']

export function makeRoots(options: { readonly programs?: readonly string[] } = {}): FakeRoots {
  const root = mkdtempSync(join(tmpdir(), 'wnd-fix-'))
  const systemRoot = join(root, 'Windows')
  const programData = join(root, 'ProgramData')
  const profile = join(root, 'Users', 'alice')
  for (const dir of [join(systemRoot, 'System32'), programData, profile]) mkdirSync(dir, { recursive: true })
  for (const program of options.programs ?? PROGRAMS) writeFileSync(join(systemRoot, 'System32', program), '')
  return {
    root,
    systemRoot,
    programData,
    profile,
    // HOME too: in Full Language Mode Get-WndUserProfile asks .NET, which reads HOME on Linux.
    env: { SystemRoot: systemRoot, ProgramData: programData, USERPROFILE: profile, HOME: profile, TEMP: tmpdir(), WSL_UTF8: '' },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  }
}

function rulesOf(runs: readonly RecordedRun[], encoding: RecordedNative['encoding'] | undefined): FakeRule[] {
  return runs.map((run) => ({ match: { FilePath: run.file, _args: run.args }, result: nativeResult({ ...run, encoding: encoding ?? run.encoding }) }))
}

/** What one case needs: the FakeWindows and the extra PowerShell fakes. */
export interface CaseSetup {
  readonly fake: FakeWindows
  readonly extraFakes: string
}

/**
 * A case from a fixture: its native runs become Invoke-WndNative rules (`encoding` overrides how
 * every run wrote its output: the inbox wsl.exe's UTF-16LE or the Store package's UTF-8); after a
 * successful run matching `changesLike`, the `after` runs answer instead.
 */
export function setupCase(
  recorded: RecordedCase,
  roots: FakeRoots,
  options: { readonly encoding?: RecordedNative['encoding']; readonly writes?: readonly FileWrite[]; readonly changesLike?: string } = {},
): CaseSetup {
  const fake: FakeWindows = {
    source: recorded.source,
    env: roots.env,
    commands: { ...(recorded.commands ?? {}), 'Invoke-WndNative': { rules: rulesOf(recorded.native, options.encoding) } },
  }
  const after = recorded.after === undefined ? null : { argsLike: options.changesLike ?? '*', rules: rulesOf(recorded.after, options.encoding) }
  return { fake, extraFakes: extraFakes({ writes: options.writes ?? [], hnsModule: recorded.hnsModule ?? null, after }) }
}

/** A fake's argument as the script passed it; anything but a string shows as JSON, not `[object Object]`. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The native runs a script made: program file name and arguments. */
export function nativeCalls(calls: readonly FakeCall[]): { readonly file: string; readonly args: readonly string[] }[] {
  return calls
    .filter((call) => call.name === 'Invoke-WndNative')
    .map((call) => {
      const path = text(call.arguments['FilePath'] ?? '')
      const raw = call.arguments['Arguments']
      const args = Array.isArray(raw) ? raw.map(text) : raw === undefined ? [] : [text(raw)]
      return { file: path.split(/[\\/]/).pop() ?? path, args }
    })
}

/** Native commands these scripts must never run (README "never"; docs/knowledge/wsl-checks.md#nat-network-internals, docs/knowledge/fixes.md#delete-wsl-hns-network). */
export function forbiddenNative(calls: readonly FakeCall[]): string[] {
  return nativeCalls(calls)
    .map((call) => `${call.file} ${call.args.join(' ')}`)
    .filter((line) => /--unregister|^hnsdiag\.exe (reset|delete all)|^netsh\.exe (int|interface) ip reset/i.test(line))
}

/**
 * Native runs that leave a file behind when they succeed, as the real programs do: the argument at
 * `pathIndex` gets `text`. Without it the scripts' "the file exists and is not empty" checks could
 * not pass.
 */
export interface FileWrite {
  readonly argsLike: string
  readonly pathIndex: number
  readonly text: string
}

/** PowerShell composed after fake-windows.ps1 (harness `extraFakes`). */
function extraFakes(options: {
  readonly writes: readonly FileWrite[]
  readonly hnsModule: HnsModuleState | null
  readonly after: { readonly argsLike: string; readonly rules: readonly FakeRule[] } | null
}): string {
  return [
    '# TEST SUPPORT: wsl-maintenance-fakes.ts',
    `$global:WndFakeWrites = @(ConvertFrom-Json '${asciiJson(options.writes)}')`,
    `$global:WndFakeHns = ConvertFrom-Json '${asciiJson(options.hnsModule)}'`,
    `$global:WndFakeAfter = ConvertFrom-Json '${asciiJson(options.after)}'`,
    NATIVE_WITH_FILES,
  ].join('\n')
}

const NATIVE_WITH_FILES = String.raw`
function Invoke-WndNative {
  $parsed = ConvertTo-WndFakeArguments -Tokens $args
  $answer = @(Invoke-WndFakeCommand -Name 'Invoke-WndNative' -Tokens $args)
  $arguments = @($parsed.named['Arguments'])
  if ($answer.Count -eq 1 -and $answer[0].exitCode -eq 0) {
    if ($null -ne $global:WndFakeAfter -and (($arguments -join ' ') -like $global:WndFakeAfter.argsLike)) {
      $WndFake.commands.'Invoke-WndNative'.rules = @($global:WndFakeAfter.rules)
      $global:WndFakeAfter = $null
    }
    foreach ($write in @($global:WndFakeWrites)) {
      if ($null -ne $write -and (($arguments -join ' ') -like $write.argsLike)) {
        Set-Content -LiteralPath ([string]$arguments[$write.pathIndex]) -Value $write.text -NoNewline
      }
    }
  }
  foreach ($item in $answer) { $item }
}
`

/**
 * What the fake HostNetworkingService module knows: its networks (as Get-HnsNetwork returns them:
 * Name, ID, Type), whether HNS answers with an error, and whether a DELETE really deletes.
 */
export interface HnsModuleState {
  readonly networks: readonly { readonly Name: string; readonly ID: string; readonly Type: string }[]
  readonly listError?: string
  readonly deleteKeepsNetwork?: boolean
}

/**
 * A HostNetworkingService.psm1 written where Windows keeps it, behaving like Microsoft's hns.psm1
 * (github.com/microsoft/SDN, Kubernetes/windows/hns.psm1): Get-HnsNetwork and Remove-HnsNetwork
 * are advanced functions calling Invoke-HnsRequest, which reports an HNS error with `Write-Error
 * $output` (non-terminating, from the module's scope) and returns the response's Output, which
 * Remove-HnsNetwork's end block writes to the pipeline. Deletions are recorded as calls.
 */
export function writeHnsModule(roots: FakeRoots, options: { readonly broken?: boolean } = {}): string {
  const dir = join(roots.systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'Modules', 'HostNetworkingService')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'HostNetworkingService.psm1')
  writeFileSync(path, options.broken === true ? "throw 'Add-Type failed: vmcompute.dll could not be loaded'\n" : HNS_MODULE)
  return path
}

const HNS_MODULE = String.raw`# TEST SUPPORT: fake of Microsoft's hns.psm1 (wsl-maintenance-fakes.ts)
function Invoke-HnsRequest {
  param([string]$Method, [string]$Id)
  if ($null -ne $global:WndFakeHns.listError) {
    Write-Error ([string]$global:WndFakeHns.listError)
    return ''
  }
  if ($Method -eq 'GET') { return @($global:WndFakeHns.networks) }
  $global:WndFakeCalls += , ([ordered]@{ name = 'Remove-HnsNetwork'; arguments = @{ Id = $Id }; positional = @() })
  if ($global:WndFakeHns.deleteKeepsNetwork -ne $true) {
    $global:WndFakeHns.networks = @($global:WndFakeHns.networks | Where-Object { $_.ID -ne $Id })
  }
  return [ordered]@{ Success = $true; Id = $Id }
}
function Get-HnsNetwork {
  param([parameter(Mandatory = $false)] [string] $Id = '')
  return Invoke-HnsRequest -Method GET
}
function Remove-HnsNetwork {
  [CmdletBinding()]
  param([parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)] [Object[]] $InputObjects)
  begin { $Objects = @() }
  process { $Objects += $InputObjects }
  end { $Objects | ForEach-Object { Invoke-HnsRequest -Method DELETE -Id $_.ID } }
}
Export-ModuleMember -Function Get-HnsNetwork, Remove-HnsNetwork
`

/** `--list --quiet` as wsl.exe prints it: one name per line (WslClient.cpp ListDistributions). */
export function wslQuietList(names: readonly string[]): string {
  return names.map((name) => `${name}\r\n`).join('')
}

/**
 * A scenario's wsl.exe listings as the simulated PC prints them (wsl-cli-model.ts), as a case for
 * the fixes that check a distribution first; `then` are the runs the fix itself makes.
 */
export function scenarioWslCase(scenario: Scenario, then: readonly RecordedRun[]): RecordedCase {
  const encoding: RecordedNative['encoding'] = wslOutputEncoding(scenario) === 'utf8' ? 'utf8' : 'utf16le'
  const verbose = wslListOutput(scenario)
  const quiet = verbose.exitCode === 0 ? { stdout: wslQuietList(scenario.wsl.distros.map((d) => d.name)), exitCode: 0 } : verbose
  return {
    source: `simulated PC (electron/simulated-pc/wsl-cli-model.ts) for scenario ${scenario.id}`,
    native: [
      { file: '*wsl.exe', args: '--list --verbose', ...verbose, encoding },
      { file: '*wsl.exe', args: '--list --quiet', ...quiet, encoding },
      ...then.map((run) => ({ ...run, encoding })),
    ],
  }
}
