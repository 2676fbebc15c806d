import { describe, expect, it } from 'vitest'
import { snapshotOfScenario } from '../../electron/simulated-pc/scenario-snapshot'
import { SCENARIOS } from '../scenarios'
import { formatMessage } from './format-message'
import { isKnownWindowsTerm, windowsTerm, windowsTermArgs } from './windows-terms'

describe('Windows terms', () => {
  it('name editions as Microsoft does in each language, not by their EditionID', () => {
    expect(windowsTerm('en', 'edition', 'Core')).toBe('Home')
    expect(windowsTerm('en', 'edition', 'Professional')).toBe('Pro')
    expect(windowsTerm('zh-CN', 'edition', 'Professional')).toBe('专业版')
    expect(windowsTerm('zh-CN', 'edition', 'CoreCountrySpecific')).toBe('家庭中文版')
    expect(windowsTerm('zh-CN', 'edition', 'core')).toBe('家庭版')
  })

  it('localize states, start types and modes, and keep an unknown value as read', () => {
    expect(windowsTerm('zh-CN', 'serviceState', 'Stopped')).toBe('已停止')
    expect(windowsTerm('zh-CN', 'serviceState', 'Running')).toBe('正在运行')
    expect(windowsTerm('zh-CN', 'startType', 'disabled')).toBe('禁用')
    expect(windowsTerm('zh-CN', 'networkingMode', 'Mirrored')).toBe('镜像')
    expect(windowsTerm('en', 'networkingMode', 'nat')).toBe('NAT')
    expect(windowsTerm('zh-CN', 'distroState', 'Stopped')).toBe('已停止')
    expect(windowsTerm('zh-CN', 'edition', 'SomeFutureSku')).toBe('SomeFutureSku')
  })

  it('give message arguments for both languages', () => {
    const args = windowsTermArgs('edition', 'edition', 'Professional')
    expect(formatMessage('en', 'Windows 11 {edition}', args)).toBe('Windows 11 Pro')
    expect(formatMessage('zh-CN', 'Windows 11 {edition}', args)).toBe('Windows 11 专业版')
  })

  it('know every edition, service state and start type of the shipped scenarios', () => {
    for (const scenario of SCENARIOS) {
      const facts = snapshotOfScenario(scenario, { appVersion: 'test' }).facts
      const windows = facts['windows-version']
      if (windows?.status === 'known' && windows.data.editionId)
        expect(isKnownWindowsTerm('edition', windows.data.editionId), `${scenario.id}: ${windows.data.editionId}`).toBe(true)
      const services = facts.services
      if (services?.status !== 'known') continue
      for (const service of services.data.services) {
        if (service.status) expect(isKnownWindowsTerm('serviceState', service.status), `${scenario.id}: ${service.status}`).toBe(true)
        if (service.startType) expect(isKnownWindowsTerm('startType', service.startType), `${scenario.id}: ${service.startType}`).toBe(true)
      }
    }
  })
})
