import { describe, expect, it } from 'vitest'
import { diagnosePaste, withPaste } from './diagnose-paste'
import { snapshotFromEvidence } from './evidence'
import { formatDiagnosis } from './messages/format'
import { diagnosisEn } from './messages/en'
import { diagnosisZhCN } from './messages/zh-CN'
import { MAX_PASTE_CHARS, pastedOutputFacts, pastedOutputMessage, readPastedOutputs } from './pasted-outputs-read'
import { snapshot } from './test-support/test-snapshot'

/** python-trio/trio#1659 ("IOCP polling doesn't work with Astrill VPN LSP"): the LSP entry of its catalog. */
const ASTRILL_LSP = `Winsock Catalog Provider Entry
------------------------------------------------------
Entry Type:                         Layered Service Provider
Description:                        ASProxy
Provider ID:                        {E26DCE69-9F96-48B5-9BAC-557D554942DD}
Provider Path:                      C:\\Windows\\system32\\ASProxy64.dll
Catalog Entry ID:                   1019
Version:                            2
Address Family:                     2
Max Address Length:                 16
Min Address Length:                 16
Socket Type:                        0
Protocol:                           0
Service Flags:                      0x66
Protocol Chain Length:              0`

const facts = (text: string) => pastedOutputFacts(readPastedOutputs(text))

describe('recognised command outputs, shown back and mapped to facts (issue 11 #3)', () => {
  it('each recognised output is shown as "You pasted …" / "你粘贴的…" in both languages', () => {
    const text =
      'Default Distribution: Debian\nDefault Version: 2\n\nOS Name:                   Microsoft Windows 11 Enterprise\nOS Version:                10.0.22631 N/A Build 22631\n'
    const shown = facts(text).map(pastedOutputMessage)
    expect(shown.map((m) => m.key)).toEqual(['pasted.wslDefaultDistro', 'pasted.wslDefaultVersion', 'pasted.osBuild'])
    expect(shown.map((m) => formatDiagnosis('en', m.key, m.args))).toEqual([
      'You pasted wsl --status: the default distribution is Debian.',
      'You pasted wsl --status: new distributions default to WSL 2.',
      'You pasted systeminfo: Microsoft Windows 11 Enterprise, build 22631.',
    ])
    expect(formatDiagnosis('zh-CN', shown[0]?.key ?? '', shown[0]?.args)).toBe('你粘贴的 wsl --status：默认发行版是 Debian。')
  })

  it('every pasted.* text exists in both catalogs and uses only the arguments it is given', () => {
    const keys = Object.keys(diagnosisEn).filter((k) => k.startsWith('pasted.'))
    expect(keys.length).toBeGreaterThan(10)
    for (const key of keys) expect(Object.hasOwn(diagnosisZhCN, key), key).toBe(true)
    for (const zh of keys.map((k) => diagnosisZhCN[k as keyof typeof diagnosisZhCN])) expect(zh).not.toMatch(/您/)
  })

  it('a pasted Winsock catalog with a layered provider names the LSP cause (trio#1659)', () => {
    const top = diagnosePaste(ASTRILL_LSP)[0]
    expect(top).toMatchObject({ id: 'winsock-lsp' })
    expect(top?.evidence[0]).toMatchObject({ key: 'ev.thirdPartyLsp', args: { providers: 'C:\\Windows\\system32\\ASProxy64.dll' } })
    expect(facts(ASTRILL_LSP)).toEqual([{ kind: 'winsockCatalog', count: 1, thirdParty: 'C:\\Windows\\system32\\ASProxy64.dll' }])
  })

  it('sc qc START_TYPE 4 for WSLService decides wsl-service-disabled, as Get-Service does', () => {
    const top = diagnosePaste(
      'SERVICE_NAME: WSLService\n        TYPE               : 210  WIN32_PACKAGED_PROCESS\n        START_TYPE         : 4   DISABLED',
    )[0]
    expect(top).toMatchObject({ id: 'wsl-service-disabled', confidence: 'high' })
  })

  it('systeminfo alone gives the Windows build (and Home from the OS name); wsl --status the default version', () => {
    const info = snapshotFromEvidence(
      { wslOutputText: 'OS 名称:          Microsoft Windows 11 家庭中文版\nOS 版本:          10.0.22000 暂缺 Build 22000' },
      new Date(0),
      '',
    ).snapshot
    expect(info.facts['windows-version']).toMatchObject({
      status: 'known',
      data: { currentBuild: '22000', ubr: null, editionId: 'Core', productName: 'Microsoft Windows 11 家庭中文版', installationType: 'Client' },
    })
    const status = snapshotFromEvidence({ wslVersionText: '2.3.26.0', wslOutputText: 'Default Version: 1' }, new Date(0), '').snapshot
    expect(status.facts['wsl-install']).toMatchObject({ data: { defaultVersion: 1 } })
  })

  it('a scan fact wins over the pasted catalog (the scan is the PC now)', () => {
    const scan = snapshot({ 'winsock-catalog': { entries: [] } })
    expect(withPaste(scan, ASTRILL_LSP).snapshot.facts['winsock-catalog']).toEqual(scan.facts['winsock-catalog'])
    const noCatalog = snapshot({ 'winsock-catalog': null })
    expect(withPaste(noCatalog, ASTRILL_LSP).snapshot.facts['winsock-catalog']).toMatchObject({
      data: { entries: [{ providerPath: 'C:\\Windows\\system32\\ASProxy64.dll', chainLength: 0 }] },
    })
  })

  it('input is bounded: text beyond the limit is not read; garbage gives nothing and never throws', () => {
    const late = `${' '.repeat(MAX_PASTE_CHARS)}\nDefault Version: 2`
    expect(readPastedOutputs(late).wslStatus).toBeNull()
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let run = 0; run < 50; run++) {
      const junk = Array.from({ length: 2000 }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('')
      expect(() => facts(junk)).not.toThrow()
    }
    expect(facts('hello, my WSL has no network since yesterday')).toEqual([])
  })
})
