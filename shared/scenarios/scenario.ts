import { z } from 'zod'
import { FINDING_IDS } from '../diagnosis/finding-ids'
import { MachineSnapshot } from '../machine/snapshot'
import { EVENT_LOGS, EventRecord } from '../probes/facts/events'
import { PROBE_IDS } from '../probes/probe-ids'
import { PolicyStartType, SERVICE_NAMES, StartType } from '../probes/facts/services'
import { ScenarioHost, ScenarioNetwork, ScenarioRuntime } from './scenario-machine'
import { ScenarioInsideWsl } from './scenario-inside-wsl'

const Localized = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) })

/** A WSL package version such as `2.1.5.0` (four numeric parts, as `Lxss\MSI\Version` stores it). */
const PackageVersion = z.string().regex(/^\d+\.\d+\.\d+(\.\d+)?$/)

/**
 * One simulated PC: the state a real Windows machine would have, from which the simulated
 * PowerShell host derives every probe's answer (and which fixes will change).
 *
 * Only facts that differ between machines are stated; the rest follows from the build and edition
 * by the rules of `electron/simulated-pc/` (e.g. `vfpext` exists from build 22621 on, `vmms` only with
 * the Hyper-V role), each traced to docs/knowledge/ (wsl-checks.md, probes.md, host-causes.md).
 */
export const Scenario = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: Localized,
  summary: Localized,
  /** Where the scenario comes from: a GitHub issue, and the docs/knowledge/…md#anchor sections it follows. */
  basedOn: z.array(z.string()).min(1),
  windows: z.strictObject({
    currentBuild: z.string().regex(/^\d{5}$/),
    ubr: z.number().int().nonnegative(),
    displayVersion: z.string().nullable(),
    editionId: z.string(),
    installationType: z.enum(['Client', 'Server', 'Server Core']),
    productName: z.string(),
    uiCulture: z.string(),
    /** Optional Windows features by DISM name (VirtualMachinePlatform, Microsoft-Hyper-V-All…). */
    features: z.record(z.string(), z.enum(['Enabled', 'Disabled', 'Absent'])),
  }),
  userProfile: z.string().regex(/^[A-Z]:\\/),
  wsl: z.strictObject({
    /** `store`: the Store/MSI package (`wsl --version` works); `inbox`: the Windows component only. */
    kind: z.enum(['store', 'inbox', 'absent']),
    version: PackageVersion.nullable(),
    kernelVersion: z.string().nullable(),
    wslgVersion: z.string().nullable(),
    defaultVersion: z.union([z.literal(1), z.literal(2)]).nullable(),
    distros: z.array(
      z.strictObject({
        name: z.string().min(1),
        version: z.union([z.literal(1), z.literal(2)]),
        running: z.boolean(),
        default: z.boolean(),
      }),
    ),
  }),
  wslconfig: z
    .strictObject({
      text: z.string(),
      /** `utf16le`: UTF-16 without a BOM, which WSL mis-reads as UTF-8 (docs/knowledge/wslconfig.md). */
      encoding: z.enum(['utf8', 'utf8-bom', 'utf16le-bom', 'utf16le']),
      lineEnding: z.enum(['crlf', 'lf']),
    })
    .nullable(),
  lookalikeFiles: z.array(z.string()),
  /** `HKLM\SOFTWARE\Policies\WSL` values, or null when the key does not exist (docs/knowledge/wsl-checks.md#enterprise-policy). */
  policy: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
  host: ScenarioHost,
  /** Adapters, proxies, Winsock providers and firewall differences (docs/knowledge/probes.md#network-adapters, docs/knowledge/probes.md#firewall-profiles, docs/knowledge/host-causes.md#vpn-clients, docs/knowledge/host-causes.md#localhost-proxy, docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#vmware-leftovers). */
  network: ScenarioNetwork.optional(),
  /** What the distro shows inside beyond what the Windows state implies (the networking check). */
  insideWsl: ScenarioInsideWsl.optional(),
  /**
   * Event records the PC's logs hold besides those the simulation derives from its state
   * (NAT failure → HNS/VmSwitch/VMMS events, WSL warnings → Application log; docs/knowledge/probes.md#events).
   */
  events: z.partialRecord(z.enum(EVENT_LOGS), z.array(EventRecord)).optional(),
  /** The finding the diagnosis must rank first; null = healthy (no error or warning finding). */
  expectedTopFinding: z.enum(FINDING_IDS).nullable(),
  /** Other findings that must also appear. */
  expectedFindings: z.array(z.enum(FINDING_IDS)).optional(),
  /** Per-service differences from the default for this build and edition. */
  services: z.record(
    z.string(),
    z.strictObject({
      exists: z.boolean().optional(),
      startType: StartType.optional(),
      status: z.string().optional(),
    }),
  ),
  /**
   * Group Policy "System Services" start types GPOs apply to this PC (the service's registry Start
   * then has that value) and whether the scan can read RSoP's record of them; absent = readable, none
   * (docs/knowledge/host-network-probes.md#who-set-a-start-type).
   */
  groupPolicy: z
    .strictObject({
      rsopReadable: z.boolean(),
      serviceStartTypes: z.partialRecord(z.enum(SERVICE_NAMES), PolicyStartType),
      /**
       * Registry values a Group Policy Preferences item writes at every start (no RSoP record the scan
       * reads): the simulated restart writes them again, as Windows applies computer policy at boot
       * (docs/knowledge/host-network-probes.md#managed-pc).
       */
      registryPreferences: z.strictObject({ ipv6DisabledComponents: z.number().int().min(0).max(0xffffffff).optional() }).optional(),
    })
    .optional(),
  /** How the simulated host answers, per probe: latency like a real PC, or a hang / garbage to test. */
  probeBehaviour: z.partialRecord(
    z.enum(PROBE_IDS),
    z.strictObject({
      latencyMs: z.number().int().nonnegative().optional(),
      hang: z.boolean().optional(),
      garbage: z.string().optional(),
    }),
  ),
  /**
   * Facts recorded on a real PC (the `facts` of a saved snapshot, validated the same way), so a
   * real snapshot can become a test. A probe with a recorded fact is answered verbatim from it
   * instead of from the state above: known → that data; `timeout` → the host hangs; `failed`,
   * `access-denied`, `bad-output`, `host-unavailable` → the answer Windows gave for that reason;
   * `cancelled` and `no-consent` say nothing about the PC, so those probes come from the state.
   */
  recordedFacts: MachineSnapshot.shape.facts.optional(),
  /**
   * What fixes and restarts changed on the simulated PC (boot counter, pending feature changes,
   * restore points, created files) and the test switches (UAC answer, a failing step); absent in
   * scenario files (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#restore-points).
   */
  runtime: ScenarioRuntime.optional(),
})
export type Scenario = z.infer<typeof Scenario>
