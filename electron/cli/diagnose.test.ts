import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../shared/diagnosis/diagnose'
import { SCENARIOS } from '../../shared/scenarios'
import { Scenario } from '../../shared/scenarios/scenario'
import { snapshotOfScenario } from '../simulated-pc/scenario-snapshot'
import { main, scenarioIdFromFileName } from './diagnose'

const dir = mkdtempSync(join(tmpdir(), 'wnd-diagnose-'))
function file(name: string, content: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
async function findingIds(args: string[]): Promise<string[]> {
  const result = await main([...args, '--json'])
  expect(result.code, result.stderr).toBe(0)
  return (JSON.parse(result.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)
}

describe('every scenario produces its expected top finding', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.id, () => {
      const findings = diagnose(snapshotOfScenario(scenario, { appVersion: 'test' }))
      const serious = findings.filter((f) => f.severity !== 'info')
      if (scenario.expectedTopFinding === null) expect(serious.map((f) => f.id)).toEqual([])
      else expect(findings[0]?.id).toBe(scenario.expectedTopFinding)
      for (const id of scenario.expectedFindings ?? []) expect(findings.map((f) => f.id)).toContain(id)
      // Evidence is shown to the user: every top finding must rest on at least one fact.
      if (findings[0]) expect(findings[0].evidence.length).toBeGreaterThan(0)
    })
  }
})

describe('npm run diagnose', () => {
  it('reads a saved snapshot the same way as the scenario it came from', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'nat-0x80041002')!
    const saved = file('snapshot.json', snapshotOfScenario(scenario, { appVersion: '0.1.0' }))
    expect(await findingIds(['--snapshot', saved])).toEqual(await findingIds(['--scenario', 'nat-0x80041002']))
  })

  it('diagnoses the seed report from pasted evidence alone', async () => {
    const evidence = file('seed.json', {
      windowsVersion: '10.0.22000.2836',
      windowsEdition: 'Professional',
      wslVersionText:
        'WSL version: 2.1.5.0\nKernel version: 5.15.146.1-2\nWSLg version: 1.0.60\nMSRDC version: 1.2.5105\nDirect3D version: 1.611.1-81528511\nDXCore version: 10.0.25131.1002-220531-1700.rs-onecore-base2-hyp\nWindows version: 10.0.22000.2836',
      wslconfigText: '[wsl2]\nnetworkingMode=mirrored\n',
      wslOutputText: 'wsl: Mirrored networking mode is not supported, falling back to NAT networking',
      notes: 'from a forum post',
    })
    expect((await findingIds(['--evidence', evidence]))[0]).toBe('mirrored-unsupported-windows')
  })

  it('diagnoses 0x80041002 from the NAT seed text with nothing else known, and says what is unknown', async () => {
    const evidence = file('nat.json', {
      wslOutputText:
        'Failed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\USER\\.wslconfig\nError code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002\nPress any key to continue...',
    })
    expect(await findingIds(['--evidence', evidence])).toEqual(['nat-vmswitch-not-found'])
    const text = await main(['--evidence', evidence])
    expect(text.stdout).toContain('Leftovers of VMware or VirtualBox could not be checked')
    expect(text.stdout).toContain('Not checked:')
  })

  it('recognises Chinese WSL output and prints Chinese findings with --lang zh-CN', async () => {
    const evidence = file('zh.json', { wslOutputText: 'wsl: 无法配置网络 (networkingMode Nat)，回退到 networkingMode VirtioProxy。' })
    expect(await findingIds(['--evidence', evidence])).toEqual(['nat-fell-back'])
    const text = await main(['--evidence', evidence, '--lang', 'zh-CN'])
    expect(text.stdout).toContain('WSL 无法创建 NAT 网络，正在使用回退模式')
  })

  it('rejects bad usage (2) and unreadable or invalid input (1) with a clear message', async () => {
    expect((await main([])).code).toBe(2)
    expect((await main(['--scenario', 'x', '--lang', 'fr'])).code).toBe(2)
    expect(await main(['--snapshot', join(dir, 'missing.json')])).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read') })
    expect(await main(['--snapshot', file('bad.json', '{not json')])).toMatchObject({ code: 1, stderr: expect.stringContaining('not valid JSON') })
    expect(await main(['--snapshot', file('wrong.json', { schemaVersion: 9 })])).toMatchObject({ code: 1, stderr: expect.stringContaining('not a snapshot') })
    expect(await main(['--evidence', file('wrong-evidence.json', { windowsVersion: 10 })])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not evidence'),
    })
    expect(await main(['--scenario', 'no-such-pc'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Known scenarios') })
  })
})

describe('npm run diagnose -- --save-scenario', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'nat-0x80041002')!
  const snapshot = snapshotOfScenario(scenario, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') })

  it('writes the snapshot as a pretty, valid scenario and still prints the findings', async () => {
    const out = join(dir, 'My PC (real).json')
    const result = await main(['--snapshot', file('for-scenario.json', snapshot), '--save-scenario', out, '--json'])
    expect(result.code, result.stderr).toBe(0)
    expect((JSON.parse(result.stdout) as { findings: { id: string }[] }).findings[0]?.id).toBe('nat-vmswitch-not-found')
    expect(result.stderr).toContain('Saved scenario "my-pc-real"')
    const text = readFileSync(out, 'utf8')
    expect(text).toContain('\n  "schemaVersion": 1,')
    const saved = Scenario.parse(JSON.parse(text))
    expect(saved).toMatchObject({ id: 'my-pc-real', expectedTopFinding: 'nat-vmswitch-not-found', basedOn: ['snapshot 2026-11-21T10:00:00.000Z (app 0.1.0)'] })
    expect(saved.recordedFacts).toEqual(snapshot.facts)
    expect(saved.host.natNetworkFailure).toBe('0x80041002')
  })

  it('refuses to overwrite an existing file', async () => {
    const out = file('taken.json', 'keep me')
    const result = await main(['--snapshot', file('for-scenario-2.json', snapshot), '--save-scenario', out])
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('refusing to overwrite') })
    expect(readFileSync(out, 'utf8')).toBe('keep me')
  })

  it('needs --snapshot (2)', async () => {
    const out = join(dir, 'from-scenario.json')
    expect(await main(['--scenario', 'nat-0x80041002', '--save-scenario', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --snapshot') })
    expect(existsSync(out)).toBe(false)
  })

  it('makes a scenario id from the file name', () => {
    expect(scenarioIdFromFileName('C:/tmp/My Snapshot (2).JSON')).toBe('my-snapshot-2')
    expect(scenarioIdFromFileName('---.json')).toBe('snapshot')
  })
})
