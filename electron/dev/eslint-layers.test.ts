import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

/**
 * The layer rules of eslint-layers.mjs, run the way `npm run lint` runs them: a file with one
 * forbidden import is planted inside each layer, linted with the repository's own config through
 * ESLint's Node API, and must fail with the rule and reason of that layer; the same place with an
 * allowed import passes. Type information is left out (the layer rules do not use it, and a
 * type-checked program per tsconfig project would take a minute on two cores); the type-checked
 * rules are checked as the config sets them for a file of each layer.
 */

const ROOT = resolve(__dirname, '../..')
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals'])
/** Planted files end in this; .gitignore lists it, so a killed run cannot leave the tree dirty. */
const PROBE_SUFFIX = '.lint-probe.ts'
const RUN = randomBytes(4).toString('hex')

interface Plant {
  readonly name: string
  /** Folder inside the repo the file is planted in: it takes that layer's rules. */
  readonly dir: string
  readonly code: string
  /** The one problem expected: rule and a piece of its message; null for a file that must pass. */
  readonly fails: { readonly rule: string; readonly says: string } | null
}

const PLANTS: readonly Plant[] = [
  // shared/: pure code for both processes.
  {
    name: 'shared-electron-folder',
    dir: 'shared/diagnosis',
    code: "import { createHandlers } from '../../electron/ipc/create-handlers'\nexport const x = createHandlers\n",
    fails: { rule: 'no-restricted-imports', says: 'must not import from electron/' },
  },
  {
    name: 'shared-renderer-folder',
    dir: 'shared',
    code: "export { App } from '../renderer/src/App'\n",
    fails: { rule: 'no-restricted-imports', says: 'Only the renderer imports renderer/' },
  },
  {
    name: 'shared-node-builtin',
    dir: 'shared/probes',
    code: "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
    fails: { rule: 'no-restricted-imports', says: 'no Node built-ins' },
  },
  {
    name: 'shared-node-builtin-bare',
    dir: 'shared/report',
    code: "import { join } from 'path'\nexport const x = join\n",
    fails: { rule: 'no-restricted-imports', says: 'no Node built-ins' },
  },
  {
    name: 'shared-electron-module',
    dir: 'shared/ipc',
    code: "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n",
    fails: { rule: 'no-restricted-imports', says: "The 'electron' module is only for electron/main/" },
  },
  {
    name: 'shared-dom-global',
    dir: 'shared/util',
    code: 'export const here = (): string => window.location.href\n',
    fails: { rule: 'no-restricted-globals', says: 'runs in both the renderer and Node' },
  },
  {
    name: 'shared-scenarios',
    dir: 'shared/diagnosis',
    code: "import { SCENARIOS } from '../scenarios'\nexport const x = SCENARIOS\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports shared/scenarios' },
  },
  {
    name: 'shared-test-snapshot',
    dir: 'shared/report',
    code: "import { snapshot } from '../diagnosis/test-support/test-snapshot'\nexport const x = snapshot\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports test support' },
  },
  {
    name: 'shared-clean',
    dir: 'shared/diagnosis',
    code: "import { z } from 'zod'\nimport { assertNever } from '../util/assert-never'\nexport const x = [z, assertNever]\n",
    fails: null,
  },

  // renderer/: the sandboxed page, which reaches the main process only over the bridge.
  {
    name: 'renderer-electron-module',
    dir: 'renderer/src/bridge',
    code: "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n",
    fails: { rule: 'no-restricted-imports', says: "The 'electron' module is only for electron/main/" },
  },
  {
    name: 'renderer-node-builtin',
    dir: 'renderer/src/state',
    code: "import { readFile } from 'node:fs/promises'\nexport const x = readFile\n",
    fails: { rule: 'no-restricted-imports', says: 'no Node built-ins' },
  },
  {
    name: 'renderer-fake-bridge',
    dir: 'renderer/src/steps',
    code: "import { createFakeBridge } from '../state/test-support/fake-bridge'\nexport const x = createFakeBridge\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports test support' },
  },
  {
    name: 'renderer-test-render',
    dir: 'renderer/src/shell',
    code: "import { renderWithStore } from '../test-support/test-render'\nexport const x = renderWithStore\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports test support' },
  },
  {
    name: 'renderer-clean',
    dir: 'renderer/src/shell',
    code: "import { useEffect } from 'react'\nimport { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp'\nexport const x = [useEffect, CONTENT_SECURITY_POLICY]\n",
    fails: null,
  },

  // electron/: only main and preload have Electron's API; ipcMain only in bind-ipc.ts.
  {
    name: 'electron-ipc-electron-module',
    dir: 'electron/ipc',
    code: "import { ipcMain } from 'electron'\nexport const x = ipcMain\n",
    fails: { rule: 'no-restricted-imports', says: "The 'electron' module is only for electron/main/" },
  },
  {
    name: 'electron-main-ipcMain',
    dir: 'electron/main',
    code: "import { ipcMain } from 'electron'\nexport const x = ipcMain\n",
    fails: { rule: 'no-restricted-imports', says: 'ipcMain is bound in one place' },
  },
  {
    name: 'electron-preload-ipcMain',
    dir: 'electron/preload',
    code: "import * as electron from 'electron'\nexport const x = electron\n",
    fails: { rule: 'no-restricted-imports', says: 'ipcMain is bound in one place' },
  },
  {
    name: 'electron-main-clean',
    dir: 'electron/main',
    code: "import { app } from 'electron'\nimport { join } from 'node:path'\nexport const x = [app, join]\n",
    fails: null,
  },
  {
    name: 'electron-renderer-folder',
    dir: 'electron/ipc',
    code: "import { App } from '../../renderer/src/App'\nexport const x = App\n",
    fails: { rule: 'no-restricted-imports', says: 'Only the renderer imports renderer/' },
  },

  // Product code never reaches the simulated PC, its scenarios or test support.
  {
    name: 'electron-simulated-pc-static',
    dir: 'electron/scan',
    code: "import { SimulatedPcHost } from '../simulated-pc/simulated-pc-host'\nexport const x = SimulatedPcHost\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports the simulated PC' },
  },
  {
    name: 'electron-simulated-pc-dynamic',
    dir: 'electron/scan',
    code: "export const load = () => import('../simulated-pc/simulated-machine')\n",
    fails: { rule: 'no-restricted-syntax', says: 'never imports the simulated PC' },
  },
  {
    name: 'electron-simulated-pc-require',
    dir: 'electron/repair',
    code: "export const load = (): unknown => require('../simulated-pc/simulated-machine')\n",
    fails: { rule: 'no-restricted-syntax', says: 'never imports the simulated PC' },
  },
  {
    name: 'electron-simulated-runtime',
    dir: 'electron/ipc',
    code: "import { simulatedRepairRuntime } from '../simulated-pc/simulated-repair-runtime'\nexport const x = simulatedRepairRuntime\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports the simulated PC' },
  },
  {
    name: 'electron-main-simulated-pc-static',
    dir: 'electron/main',
    code: "import { createSimulatedMachine } from '../simulated-pc/simulated-machine'\nexport const x = createSimulatedMachine\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports the simulated PC' },
  },
  {
    name: 'electron-scenarios',
    dir: 'electron/repair',
    code: "import { findScenario } from '../../shared/scenarios'\nexport const x = findScenario\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports shared/scenarios' },
  },
  {
    name: 'electron-test-support',
    dir: 'electron/powershell',
    code: "import { fakeCalls } from './test-support/pwsh-harness'\nexport const x = fakeCalls\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports test support' },
  },
  {
    name: 'electron-test-file',
    dir: 'electron/probes',
    code: "export * from './script-contract.test'\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports test support' },
  },
  {
    name: 'electron-clean',
    dir: 'electron/scan',
    code: "import { readFile } from 'node:fs/promises'\nimport { diagnose } from '../../shared/diagnosis/diagnose'\nexport const x = [readFile, diagnose]\n",
    fails: null,
  },

  // The simulated PC: no Electron API, no test fakes.
  {
    name: 'simulated-pc-electron-module',
    dir: 'electron/simulated-pc',
    code: "import { app } from 'electron'\nexport const x = app\n",
    fails: { rule: 'no-restricted-imports', says: "The 'electron' module is only for electron/main/" },
  },
  {
    name: 'simulated-pc-test-support',
    dir: 'electron/simulated-pc',
    code: "import { fakeCalls } from '../powershell/test-support/pwsh-harness'\nexport const x = fakeCalls\n",
    fails: { rule: 'no-restricted-imports', says: 'never imports test support' },
  },
  {
    name: 'simulated-pc-clean',
    dir: 'electron/simulated-pc',
    code: "import { findScenario } from '../../shared/scenarios'\nexport const x = findScenario\n",
    fails: null,
  },
]

/** The entry points the layers explicitly allow to load the simulated PC, as they are in the tree. */
const ALLOWED_REAL_FILES = [
  'electron/main/index.ts',
  'electron/main/bind-ipc.ts',
  'electron/demo/server.ts',
  'electron/cli/diagnose.ts',
  'electron/dev/bench-scan.ts',
]

function probePath(plant: Plant): string {
  return join(ROOT, plant.dir, `${plant.name}-${RUN}${PROBE_SUFFIX}`)
}

/** Planted files a killed run left behind (any run id): they would break `tsc -b` for everyone. */
function removeStaleProbes(): void {
  for (const dir of new Set(PLANTS.map((plant) => join(ROOT, plant.dir)))) {
    for (const name of readdirSync(dir)) if (name.endsWith(PROBE_SUFFIX)) rmSync(join(dir, name), { force: true })
  }
}

function layerLinter(): ESLint {
  return new ESLint({
    cwd: ROOT,
    ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  })
}

type Problems = { readonly rule: string | null; readonly message: string }[]

describe('layer rules (eslint-layers.mjs)', () => {
  const problems = new Map<string, Problems>()

  beforeAll(async () => {
    removeStaleProbes()
    try {
      for (const plant of PLANTS) writeFileSync(probePath(plant), plant.code)
      const results = await layerLinter().lintFiles(PLANTS.map(probePath))
      for (const result of results)
        problems.set(
          relative(ROOT, result.filePath),
          result.messages.map((m) => ({ rule: m.ruleId, message: m.message })),
        )
    } finally {
      for (const plant of PLANTS) rmSync(probePath(plant), { force: true })
    }
  }, 120_000)

  afterAll(removeStaleProbes)

  it.each(PLANTS.map((plant) => [plant.name, plant] as const))('%s', (_name, plant) => {
    const found = problems.get(relative(ROOT, probePath(plant)))
    expect(found, `${plant.dir} was not linted at all`).toBeDefined()
    if (plant.fails === null) expect(found).toEqual([])
    else expect(found).toEqual([{ rule: plant.fails.rule, message: expect.stringContaining(plant.fails.says) }])
  })

  it('leaves the entry points that may load the simulated PC clean, as they are', async () => {
    const results = await layerLinter().lintFiles(ALLOWED_REAL_FILES.map((file) => join(ROOT, file)))
    expect(results.map((r) => ({ file: relative(ROOT, r.filePath), problems: r.messages.map((m) => `${m.ruleId}: ${m.message}`) }))).toEqual(
      ALLOWED_REAL_FILES.map((file) => ({ file, problems: [] })),
    )
  }, 60_000)
})

/** The part of ESLint's calculated config for a file that the test reads. */
const CalculatedConfig = z.object({
  rules: z.record(z.string(), z.array(z.unknown())),
  languageOptions: z.object({ parserOptions: z.object({ projectService: z.unknown() }) }),
})

describe('type-checked rules (eslint.config.mjs)', () => {
  /** The rules the layer plants cannot show (they need type information), as the config sets them. */
  const EVERYWHERE = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']
  const RENDERER = ['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps']

  it.each([
    ['shared/diagnosis/diagnose.ts', EVERYWHERE],
    ['electron/scan/run-scan.ts', EVERYWHERE],
    ['electron/main/index.ts', EVERYWHERE],
    ['renderer/src/App.tsx', [...EVERYWHERE, ...RENDERER]],
  ])('%s is linted with type information and these rules as errors', async (file, rules) => {
    const config = CalculatedConfig.parse(await new ESLint({ cwd: ROOT }).calculateConfigForFile(join(ROOT, file)))
    expect(config.languageOptions.parserOptions.projectService).toBe(true)
    // Normalized by ESLint to [severity, ...options]; 2 is "error".
    for (const rule of rules) expect([rule, config.rules[rule]?.[0]]).toEqual([rule, 2])
  })
})
