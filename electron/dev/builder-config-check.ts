import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { load } from 'js-yaml'

/**
 * Checks of the installer configuration that need no packaging (packaging needs Windows or network):
 *
 * 1. `schemaErrors`: electron-builder's own JSON schema (`app-builder-lib/scheme.json`) with ajv,
 *    without electron-builder's type coercion: unknown keys at any level, wrong types, wrong enums.
 * 2. `electronBuilderValidation`: electron-builder's own `validateConfiguration`, the function
 *    `electron-builder` runs before packaging (same schema plus its deprecation checks).
 * 3. `policyViolations`: this project's release rules (docs/knowledge/build-and-release.md) — what the schema
 *    allows but we must not ship.
 */

export const BUILDER_CONFIG_FILE = 'electron-builder.yml'

export type BuilderConfig = Record<string, unknown>

export function loadBuilderConfig(repoRoot: string): BuilderConfig {
  const parsed = load(readFileSync(join(repoRoot, BUILDER_CONFIG_FILE), 'utf8'))
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${BUILDER_CONFIG_FILE} is not a mapping`)
  return parsed as BuilderConfig
}

let compiled: ReturnType<Ajv['compile']> | undefined

export function schemaErrors(config: unknown): string[] {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
    // strict: false only because the scheme uses annotation keywords ajv does not know; no coercion.
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema)
  }
  if (compiled(config)) return []
  return (compiled.errors ?? [])
    .filter((error) => error.keyword !== 'anyOf' && !(error.keyword === 'type' && error.params['type'] === 'null'))
    .map((error) =>
      error.keyword === 'additionalProperties'
        ? `${error.instancePath || '/'}: unknown key "${String(error.params['additionalProperty'])}"`
        : `${error.instancePath || '/'}: ${error.message ?? error.keyword}`,
    )
}

/** electron-builder's own validation; resolves to null when valid, else its message. */
export async function electronBuilderValidation(config: BuilderConfig): Promise<string | null> {
  // Deep import: app-builder-lib has no `exports` map; this is the function `electron-builder` calls.
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
  }
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
  try {
    await validateConfiguration(structuredClone(config), new DebugLogger(false))
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
}

/** What the app package may contain: the production bundle and package.json, nothing else. */
const ALLOWED_FILES = new Set(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'])

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

export function policyViolations(config: BuilderConfig, repoRoot: string): string[] {
  const problems: string[] = []
  const win = record(config['win'])
  const nsis = record(config['nsis'])
  const fuses = record(config['electronFuses'])
  const buildResourcesSetting = record(config['directories'])['buildResources']
  const buildResources = typeof buildResourcesSetting === 'string' ? buildResourcesSetting : 'build'

  if (typeof config['appId'] !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/.test(config['appId'])) problems.push('appId: set a reverse-DNS id')
  if (typeof config['productName'] !== 'string' || !/^[\x20-\x7e]+$/.test(config['productName'])) {
    problems.push('productName: required, ASCII (it names the install folder and the exe)')
  }

  // Elevation safety (docs/knowledge/build-and-release.md#elevation).
  if (win['requestedExecutionLevel'] !== 'asInvoker') {
    problems.push(`win.requestedExecutionLevel: must be asInvoker (is ${JSON.stringify(win['requestedExecutionLevel'])}); elevate per repair step`)
  }
  if (nsis['oneClick'] !== false || nsis['perMachine'] !== true) {
    problems.push(
      'nsis: must be oneClick: false + perMachine: true (Program Files, admin-writable only: elevated code never comes from a user-writable folder)',
    )
  }
  if (nsis['allowToChangeInstallationDirectory'] !== false) {
    problems.push('nsis.allowToChangeInstallationDirectory: must be false (a chosen folder such as C:\\Tools can be user-writable)')
  }
  const targets = Array.isArray(win['target']) ? win['target'].map(record) : []
  const nsisTarget = targets.find((target) => target['target'] === 'nsis')
  if (nsisTarget === undefined || targets.length !== 1) problems.push('win.target: exactly one target, nsis (portable/zip run from user-writable folders)')
  else if (!Array.isArray(nsisTarget['arch']) || !nsisTarget['arch'].includes('x64')) problems.push('win.target nsis: arch must include x64')

  // Fuses (docs/knowledge/build-and-release.md#fuses).
  for (const [fuse, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== wanted) problems.push(`electronFuses.${fuse}: must be ${wanted} (is ${JSON.stringify(fuses[fuse])})`)
  }
  if (config['asar'] === false) problems.push('asar: must not be false (integrity validation and onlyLoadAppFromAsar need it)')
  if (config['disableAsarIntegrity'] === true) problems.push('disableAsarIntegrity: must not be set (embedded asar integrity needs the hash)')
  for (const key of ['asarUnpack', 'extraResources', 'extraFiles']) {
    if (config[key] !== undefined || win[key] !== undefined) problems.push(`${key}: not allowed; scripts stay inside app.asar`)
  }

  // What ships.
  const files = config['files']
  if (!Array.isArray(files)) problems.push('files: list exactly what ships (the release bundle in out/ and package.json)')
  else {
    for (const entry of files)
      if (typeof entry !== 'string' || !ALLOWED_FILES.has(entry)) problems.push(`files: ${JSON.stringify(entry)} is not part of the release bundle`)
    if (!files.includes('!**/*.map')) problems.push('files: must exclude source maps ("!**/*.map")')
  }

  // Auto-update: none, or signed only.
  if (config['publish'] !== null) {
    const signed = config['forceCodeSigning'] === true && (win['signtoolOptions'] !== undefined || win['azureSignOptions'] !== undefined)
    if (!signed) problems.push('publish: update metadata may only be published for signed builds (forceCodeSigning + signing options); set publish: null')
  }

  // Resources.
  const icon = typeof win['icon'] === 'string' ? win['icon'] : `${buildResources}/icon.ico`
  if (!icon.endsWith('.ico') || !existsSync(join(repoRoot, icon))) problems.push(`win.icon: ${icon} must be an existing .ico`)
  for (const key of ['installerIcon', 'uninstallerIcon']) {
    const path = nsis[key]
    if (typeof path !== 'string' || !existsSync(join(repoRoot, path))) problems.push(`nsis.${key}: must name an existing file`)
  }
  const languages = Array.isArray(nsis['installerLanguages']) ? nsis['installerLanguages'] : []
  for (const language of ['en_US', 'zh_CN']) if (!languages.includes(language)) problems.push(`nsis.installerLanguages: missing ${language}`)
  for (const license of ['license_en.txt', 'license_zh_CN.txt']) {
    const path = join(repoRoot, buildResources, license)
    if (!existsSync(path)) problems.push(`${buildResources}/${license}: missing (the installer's license page)`)
    else if (
      !readFileSync(path)
        .subarray(0, 3)
        .equals(Buffer.from([0xef, 0xbb, 0xbf]))
    ) {
      problems.push(`${buildResources}/${license}: save as UTF-8 with BOM (electron-builder rewrites it in place otherwise)`)
    }
  }
  if (nsis['license'] !== undefined) problems.push('nsis.license: leave unset so the per-language license files are used')
  return problems
}
