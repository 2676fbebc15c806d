import { join } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
// 1.8 does not re-export FuseState from its index.
import { FuseState } from '@electron/fuses/dist/constants'
import { loadBuilderConfig } from './builder-config-check'

/**
 * `tsx electron/dev/check-fuses.ts <packaged exe>...`: reads the fuse wire of packaged apps (after
 * `npm run dist`) and fails unless every fuse is what `electron-builder.yml` asks for. The Windows
 * workflow runs it on `dist/win-unpacked` and `dist/win-arm64-unpacked`; it needs a packaged app.
 */
const OPTION_BY_KEY: Readonly<Record<string, FuseV1Options>> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
}

async function main(executables: string[]): Promise<number> {
  if (executables.length === 0) {
    console.error('usage: tsx electron/dev/check-fuses.ts <path to packaged exe>...')
    return 2
  }
  const wanted = (loadBuilderConfig(join(__dirname, '..', '..'))['electronFuses'] ?? {}) as Record<string, boolean>
  let failures = 0
  for (const exe of executables) {
    const wire = (await getCurrentFuseWire(exe)) as unknown as Record<number, FuseState>
    for (const [key, value] of Object.entries(wanted)) {
      const option = OPTION_BY_KEY[key]
      if (option === undefined) continue
      const actual = wire[option]
      const ok = actual === (value ? FuseState.ENABLE : FuseState.DISABLE)
      if (!ok) failures++
      console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${exe}: ${key} = ${actual === FuseState.ENABLE ? 'on' : actual === FuseState.DISABLE ? 'off' : String(actual)} (want ${value ? 'on' : 'off'})`,
      )
    }
  }
  return failures === 0 ? 0 : 1
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
