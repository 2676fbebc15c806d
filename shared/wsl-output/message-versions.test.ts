import { describe, expect, it } from 'vitest'
import { wslMessageIds } from './message-catalog'
import { messageVersions, wslPrintsMessage } from './message-versions'

describe('message versions (issue 15 #4)', () => {
  it('the IPv6 check exists from WSL 2.7.2 (#40235), not in 2.7.1', () => {
    expect(wslPrintsMessage('MessageMirroredNetworkingNotSupportedIpv6Disabled', '2.7.1.0')).toBe('no')
    expect(wslPrintsMessage('MessageMirroredNetworkingNotSupportedIpv6Disabled', '2.7.2.0')).toBe('yes')
    expect(wslPrintsMessage('MessageMirroredNetworkingNotSupportedIpv6Disabled', '2.4.11')).toBe('no')
  })

  it('the mirrored reason exists from 2.2.2; the old text stops there', () => {
    expect(wslPrintsMessage('MessageMirroredNetworkingNotSupportedReason', '2.1.5.0')).toBe('no')
    expect(wslPrintsMessage('MessageMirroredNetworkingNotSupportedReason', '2.2.2.0')).toBe('yes')
    expect(wslPrintsMessage('LegacyMirroredNotSupported', '2.1.5.0')).toBe('yes')
    expect(wslPrintsMessage('LegacyMirroredNotSupported', '2.2.2.0')).toBe('no')
  })

  it('the NAT fallback exists from 2.3.25; the hard-failure text stops there', () => {
    expect(wslPrintsMessage('MessageNetworkInitializationFailedFallback2', '2.3.24.0')).toBe('no')
    expect(wslPrintsMessage('MessageNetworkInitializationFailedFallback2', '2.3.25.0')).toBe('yes')
    expect(wslPrintsMessage('LegacyNatConfigureFailed', '2.3.24.0')).toBe('yes')
    expect(wslPrintsMessage('LegacyNatConfigureFailed', '2.3.25.0')).toBe('no')
  })

  it('Consomme needs virtio from 2.9.0 (#40873)', () => {
    expect(wslPrintsMessage('MessageConsommeRequiresVirtio', '2.8.12')).toBe('no')
    expect(wslPrintsMessage('MessageConsommeRequiresVirtio', '2.9.0')).toBe('yes')
  })

  it('a message with no recorded start is known only from the first public source (2.6.0) on', () => {
    expect(wslPrintsMessage('MessageDnsTunnelingDisabled', '2.6.0')).toBe('yes')
    expect(wslPrintsMessage('MessageDnsTunnelingDisabled', '2.5.10')).toBe('unknown')
    expect(wslPrintsMessage('MessageDnsTunnelingDisabled', null)).toBe('unknown')
  })

  it('a message seen printed by an older WSL exists from that version on; before it, unknown', () => {
    expect(wslPrintsMessage('MessageConfigUnknownKey', '2.3.14.0')).toBe('yes')
    expect(wslPrintsMessage('MessageConfigUnknownKey', '2.2.4.0')).toBe('unknown')
  })

  it('every row names a message the recognizer knows, once, with its source', () => {
    const legacy = ['LegacyMirroredNotSupported', 'LegacyNatConfigureFailed', 'LegacyNatFallbackNoNetworking']
    for (const row of messageVersions) {
      expect([...wslMessageIds, ...legacy], row.id).toContain(row.id)
      expect(row.source.length, row.id).toBeGreaterThan(10)
    }
    expect(new Set(messageVersions.map((r) => r.id)).size).toBe(messageVersions.length)
  })
})
