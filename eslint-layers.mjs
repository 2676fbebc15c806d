// @ts-check
/**
 * The project's layers as ESLint rules: which code may import what. Each source file falls in
 * exactly one zone (the first that matches, in the order of ZONES); its zone says which imports are
 * forbidden. Static imports and re-exports are checked by `no-restricted-imports`, `import()` and
 * `require()` by `no-restricted-syntax` (the core rule does not see them, and the app loads the
 * simulated PC with `import()`).
 *
 * Flat config replaces, not merges, a rule's options when two config objects match one file, so
 * every zone states its whole list and the zones' file sets are kept disjoint (`ignores` of the
 * zones before it).
 */
import { builtinModules } from 'node:module'

/** Files that exist only for tests: fakes, builders, harnesses, render helpers. */
const TEST_SUPPORT_FILES = [
  '**/test-support/**',
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.spec.ts',
  'e2e/**',
  'renderer/test-setup.ts',
  // The fault-injection suite: fakes and the suite itself, kept together in one folder.
  'electron/repair/fault-injection/**',
]

/** The simulated PC and what runs on it (the demo's machine), and the only code that may read the scenarios. */
const SIMULATION_FILES = ['electron/simulated-pc/**', 'shared/scenarios/**']

/**
 * Entry points for developers and the demo, never loaded by the installed app, that legitimately
 * run on the simulated PC and its scenarios:
 * - `electron/demo/server.ts`: `npm run demo`, the wizard in a browser on a simulated PC;
 * - `electron/dev/**`: bench, smoke and release tooling run from npm scripts;
 * - `electron/cli/**`: `npm run diagnose -- --scenario`, `--save-scenario` and `npm run eval`
 *   (offline tools for snapshots and test scenarios, not in the app bundle).
 */
const DEV_ENTRY_FILES = ['electron/demo/**', 'electron/dev/**', 'electron/cli/**']

/** Config files at the root: Node tooling, outside the layers. */
const TOOL_CONFIG_FILES = ['*.mts', '*.ts', '*.mjs', 'renderer/*.mts']

/** An import specifier pattern that a zone may forbid, with the reason shown in the lint error. */
const RESTRICTIONS = {
  electronFolder: {
    regex: '(^|/)electron/',
    message: 'shared/ and renderer/ must not import from electron/: move the code to shared/ or reach it over the IPC contract (shared/ipc/).',
  },
  rendererFolder: {
    regex: '(^|/)renderer/',
    message: 'Only the renderer imports renderer/ code: move what both sides need to shared/.',
  },
  nodeBuiltins: {
    regex: `^(node:|(${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(/|$))`,
    message: 'shared/ and renderer/ code runs in the sandboxed renderer too: no Node built-ins (take the data as an argument).',
  },
  simulatedPc: {
    regex: '(^|/)(simulated-pc(/|$)|simulated-(repair-)?runtime$)',
    message:
      'Product code never imports the simulated PC: take a PowerShellHost / RepairRuntime from the caller (only demo and dev entry points, listed in eslint-layers.mjs, may).',
  },
  scenarios: {
    regex: '(^|/)scenarios(/|$)',
    message: 'Product code never imports shared/scenarios: scenarios are test and demo data for the simulated PC.',
  },
  testSupport: {
    regex:
      '(^|/)(test-support(/|$)|fault-injection(/|$)|(test-snapshot|fake-bridge|test-render|test-setup|launch-test-support|ipc-fuzz)(\\.tsx?)?$|[^/]+\\.(test|spec)(\\.tsx?)?$)',
    message: 'Product code never imports test support (fakes, builders, harnesses, tests).',
  },
}

/** @typedef {keyof typeof RESTRICTIONS} RestrictionId */

/** The `electron` module (Electron's API), which only the main and preload processes have. */
const ELECTRON_MODULE_MESSAGE =
  "The 'electron' module is only for electron/main/ and electron/preload/: everything else gets what it needs as arguments, so it runs in tests, the demo and the CLI."
const IPC_MAIN_MESSAGE =
  'ipcMain is bound in one place, electron/main/bind-ipc.ts, through the dispatcher that validates every message (shared/ipc/contract.ts).'

/**
 * @typedef {object} Zone
 * @property {string} name
 * @property {string[]} files
 * @property {RestrictionId[]} forbid
 * @property {'forbidden' | 'allowed' | 'allowed-without-ipcMain'} electronModule
 * @property {RestrictionId[]} [allowDynamic] restrictions that `import()` may cross (a lazily
 *   loaded chunk the release build drops; static imports are still checked)
 * @property {boolean} [noNodeOrDomGlobals]
 */

/** @type {Zone[]} in order: a file belongs to the first zone whose globs match it. */
const ZONES = [
  // Tests may import anything (a test of the preload imports `electron` to mock it) except ipcMain.
  { name: 'test-support', files: TEST_SUPPORT_FILES, forbid: [], electronModule: 'allowed-without-ipcMain' },
  // The simulated PC: no Electron API and no test fakes (tests use it, not it them); its scenarios
  // in shared/ keep shared/'s purity (tsconfig.shared.json checks them without Node or DOM types).
  {
    name: 'simulation-shared',
    files: SIMULATION_FILES.filter((glob) => glob.startsWith('shared/')),
    forbid: ['electronFolder', 'rendererFolder', 'nodeBuiltins', 'simulatedPc', 'testSupport'],
    electronModule: 'forbidden',
    noNodeOrDomGlobals: true,
  },
  { name: 'simulation', files: SIMULATION_FILES, forbid: ['rendererFolder', 'testSupport'], electronModule: 'forbidden' },
  { name: 'dev-entry', files: DEV_ENTRY_FILES, forbid: ['rendererFolder', 'testSupport'], electronModule: 'forbidden' },
  { name: 'tool-config', files: TOOL_CONFIG_FILES, forbid: [], electronModule: 'forbidden' },
  {
    name: 'shared',
    files: ['shared/**'],
    forbid: ['electronFolder', 'rendererFolder', 'nodeBuiltins', 'simulatedPc', 'scenarios', 'testSupport'],
    electronModule: 'forbidden',
    noNodeOrDomGlobals: true,
  },
  {
    name: 'renderer',
    files: ['renderer/**'],
    forbid: ['electronFolder', 'nodeBuiltins', 'simulatedPc', 'scenarios', 'testSupport'],
    electronModule: 'forbidden',
  },
  {
    name: 'electron-ipc-binding',
    files: ['electron/main/bind-ipc.ts'],
    forbid: ['rendererFolder', 'simulatedPc', 'scenarios', 'testSupport'],
    electronModule: 'allowed',
  },
  {
    // On a PC that is not Windows (and never in the release build, where `__WND_SIMULATION__` is
    // false and Rollup drops the chunk) the app runs on the simulated PC, loaded with `import()`.
    name: 'electron-main-entry',
    files: ['electron/main/index.ts'],
    forbid: ['rendererFolder', 'simulatedPc', 'scenarios', 'testSupport'],
    allowDynamic: ['simulatedPc'],
    electronModule: 'allowed-without-ipcMain',
  },
  {
    name: 'electron-main-preload',
    files: ['electron/main/**', 'electron/preload/**'],
    forbid: ['rendererFolder', 'simulatedPc', 'scenarios', 'testSupport'],
    electronModule: 'allowed-without-ipcMain',
  },
  { name: 'electron', files: ['electron/**'], forbid: ['rendererFolder', 'simulatedPc', 'scenarios', 'testSupport'], electronModule: 'forbidden' },
]

/** esquery's regex literal ends at the first `/`, so slashes are written as `\x2F`. */
function selectorRegex(/** @type {string} */ regex) {
  return regex.replaceAll('/', '\\x2F')
}

/** The `no-restricted-imports` and `no-restricted-syntax` options for one zone. */
function zoneRules(/** @type {Zone} */ zone) {
  const forbidden = zone.forbid.map((id) => ({ id, ...RESTRICTIONS[id] }))
  /** @type {any[]} */
  const paths = []
  if (zone.electronModule === 'forbidden') paths.push({ name: 'electron', message: ELECTRON_MODULE_MESSAGE })
  if (zone.electronModule === 'allowed-without-ipcMain') paths.push({ name: 'electron', importNames: ['ipcMain'], message: IPC_MAIN_MESSAGE })
  const patterns = forbidden.map(({ regex, message }) => ({ regex, message }))
  if (zone.electronModule === 'forbidden') patterns.push({ regex: '^electron/', message: ELECTRON_MODULE_MESSAGE })

  const dynamic = forbidden.filter(({ id }) => !(zone.allowDynamic ?? []).includes(id)).map(({ regex, message }) => ({ regex, message }))
  if (zone.electronModule === 'forbidden') dynamic.push({ regex: '^electron(/|$)', message: ELECTRON_MODULE_MESSAGE })
  const syntax = dynamic.flatMap(({ regex, message }) => [
    { selector: `ImportExpression[source.value=/${selectorRegex(regex)}/]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=/${selectorRegex(regex)}/]`, message },
  ])
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': syntax.length > 0 ? ['error', ...syntax] : 'off',
  }
}

/** Browser-only and Node-only globals: shared/ code runs in both the renderer and Node. */
const NODE_OR_DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
].map((name) => ({ name, message: 'shared/ code runs in both the renderer and Node: take it as an argument instead.' }))

/** One flat-config object per zone, each ignoring the files of the zones before it. */
export function layerConfigs() {
  return ZONES.map((zone, index) => {
    const earlier = ZONES.slice(0, index).flatMap((z) => z.files)
    return {
      name: `layers/${zone.name}`,
      files: zone.files,
      ignores: earlier,
      rules: {
        ...zoneRules(zone),
        ...(zone.noNodeOrDomGlobals ? { 'no-restricted-globals': ['error', ...NODE_OR_DOM_GLOBALS] } : {}),
      },
    }
  })
}
