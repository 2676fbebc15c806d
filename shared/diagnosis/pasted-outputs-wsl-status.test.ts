import { describe, expect, it } from 'vitest'
import { formatWslMessage } from '../wsl-messages/messages'
import { wslLanguages } from '../wsl-output/message-catalog'
import { pastedWslStatus } from './pasted-outputs-wsl-status'

const lines = (text: string) => text.split(/\r?\n/)

describe('wsl --status pasted (issue 11 #3)', () => {
  it('reads the English output (microsoft/WSL#9448, #12302)', () => {
    // #9448: "When i exec: `wsl.exe --status`, The result only displays:"
    expect(pastedWslStatus(lines('Default Distribution: Debian\nDefault Version: 2'))).toEqual({
      defaultDistro: 'Debian',
      defaultVersion: 2,
      language: 'en-US',
    })
    // #12302 (WSL 2.4.4, default distro not shown: the regression that issue reports).
    expect(pastedWslStatus(lines('PS > wsl --status\nDefault Version: 1'))).toEqual({ defaultDistro: null, defaultVersion: 1, language: 'en-US' })
  })

  it('reads the Chinese output, with the WSL1 note WSL prints after it', () => {
    // As quoted in public Chinese setup notes (code search: "默认分发: Ubuntu-24.04" / "当前计算机配置不支持 WSL1。").
    const zh = '默认分发: Ubuntu\n默认版本: 2\n当前计算机配置不支持 WSL1。\n若要使用 WSL1，请启用“Windows Subsystem for Linux”可选组件。'
    expect(pastedWslStatus(lines(zh))).toEqual({ defaultDistro: 'Ubuntu', defaultVersion: 2, language: 'zh-CN' })
    expect(pastedWslStatus(lines('默认分发: Ubuntu-24.04\n默认版本：2'))?.defaultVersion).toBe(2)
  })

  it("reads every one of WSL's 22 languages, from WSL's own resources", () => {
    expect(wslLanguages).toHaveLength(22)
    for (const language of wslLanguages) {
      const text = `${formatWslMessage('MessageStatusDefaultDistro', language, ['Ubuntu-22.04'])}\n${formatWslMessage('MessageStatusDefaultVersion', language, [2])}`
      expect(pastedWslStatus(lines(text)), language).toMatchObject({ defaultDistro: 'Ubuntu-22.04', defaultVersion: 2 })
    }
  })

  it('ignores prose, other versions and garbage', () => {
    expect(pastedWslStatus(lines('my default version is 2, I think'))).toBeNull()
    expect(pastedWslStatus(lines('Default Version: 3'))).toBeNull()
    expect(pastedWslStatus(lines('Default Distribution: my distro with spaces'))).toBeNull()
    expect(pastedWslStatus(lines(`${'x'.repeat(5000)}\n\u0000\u0001ÿ`))).toBeNull()
  })
})
