import { describe, expect, it } from 'vitest'
import { snapshot, withService } from '../diagnosis/test-support/test-snapshot'
import { prepareReport } from './prepare'

/** Issue 12 #7: the report tells the story — latest findings, what was tried with Verify's verdict, the networking table, passed checks, the PC before. */
describe('report story', () => {
  const fixed = snapshot()
  const tried = [{ fixId: 'enable-wslservice' as const, startedAt: '2026-11-21T10:00:00Z', finishedAt: '2026-11-21T10:01:00Z', undoneAt: null }]

  it('says what Verify said after the fix, and what the PC was before it', () => {
    const { markdown } = prepareReport(fixed, {
      language: 'en',
      redact: false,
      appVersion: '0.1.0',
      tried,
      verdicts: [{ fixId: 'enable-wslservice', verdict: 'works', at: '2026-11-21T10:02:00Z' }],
      before: { takenAt: '2026-11-21T09:59:00Z', findings: ['wsl-service-disabled'] },
    })
    expect(markdown).toMatch(/Set the WSL service back to manual start|enable-wslservice/)
    expect(markdown).toContain('Verify: networking works')
    expect(markdown).toContain('### Before the first fix')
    expect(markdown).toContain('`wsl-service-disabled`')
    // The latest findings lead: nothing is wrong now.
    expect(markdown.split('\n')[0]).toContain('no problems found')
  })

  it('shows the networking check as a table and the checks that passed', () => {
    const { markdown } = prepareReport(fixed, { language: 'zh-CN', redact: true, appVersion: '0.1.0' })
    expect(markdown).toContain('### WSL 内部的网络')
    expect(markdown).toMatch(/\| 域名解析 \| ✓ 通过 \|/)
    expect(markdown).toContain('### 通过的检查')
    expect(markdown).toMatch(/- ✓ /)
  })

  it('a paste made before a fix is shown as such and no longer drives the findings', () => {
    const broken = snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }) })
    const paste = 'Error code: Wsl/Service/CreateInstance/0x80070422'
    const stale = prepareReport(fixed, { language: 'en', redact: false, appVersion: '0.1.0', pasted: paste, pastedBeforeFix: true })
    expect(stale.markdown).toContain('(before the fix; the findings above no longer read it)')
    expect(stale.findings.map((f) => f.id)).toEqual(prepareReport(fixed, { language: 'en', redact: false, appVersion: '0.1.0' }).findings.map((f) => f.id))
    expect(prepareReport(broken, { language: 'en', redact: false, appVersion: '0.1.0', pasted: paste }).findings.length).toBeGreaterThan(0)
  })
})
