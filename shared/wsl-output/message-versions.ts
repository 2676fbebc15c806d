import { isAtLeast } from '../util/version'
import type { RecognizedMessageId } from './message-catalog'

/**
 * From which WSL release a message exists (and, for retired texts, until which one), so that a
 * rule never reads the absence of a message as proof on a WSL too old to print it (issue 15 #4).
 * One row per message the rules rely on; every row says what it rests on
 * (docs/knowledge/wsl-message-versions.md has the table with its sources).
 *
 * WSL's source history is public only from 2.6.0 (the open-source commit, 15 May 2025), so a
 * message already in 2.6.0 has its first release from release notes and real reports, with the
 * confidence they allow; a message added later has its first tag from `git tag --contains`.
 */
export interface MessageVersion {
  readonly id: RecognizedMessageId
  /** First WSL release that prints it; null when only "present in 2.6.0" is known. */
  readonly since: string | null
  /** First release that no longer prints it (a retired text); absent while current. */
  readonly until?: string
  /** A release a real report shows printing it: the message exists from there on, whatever `since` is. */
  readonly seenIn?: string
  readonly confidence: 'high' | 'medium' | 'low'
  /** What the row rests on: commit/tag/file:line in microsoft/WSL, or the threads. */
  readonly source: string
}

/** Oldest WSL whose source is public: everything in its resources existed by then. */
export const FIRST_PUBLIC_SOURCE = '2.6.0'

const rows: readonly MessageVersion[] = [
  {
    id: 'MessageMirroredNetworkingNotSupportedIpv6Disabled',
    since: '2.7.2',
    confidence: 'high',
    source: 'microsoft/WSL 8e6584385 (#40235, 2026-04-20); first tag 2.7.2; src/windows/service/exe/WslCoreVm.cpp:2867 at 2.7.2',
  },
  {
    id: 'MessageConsommeRequiresVirtio',
    since: '2.9.0',
    confidence: 'high',
    source: 'microsoft/WSL b9e1d7044 (#40873, 2026-06-22); first tag 2.9.0; src/windows/common/WslCoreConfig.cpp:448 at 2.9.0',
  },
  {
    id: 'MessageMirroredNetworkingNotSupportedReason',
    since: '2.2.2',
    confidence: 'medium',
    source:
      'release notes 2.2.2 ("mirrored warnings give the reason", docs/knowledge/wsl-checks.md#mirrored-fallback-messages); 2.1.5 still printed the old text (#11414), 2.3.14 the new one (#11873); WslCoreVm.cpp:2982 at 2.6.0',
  },
  {
    id: 'MessageMirroredNetworkingNotSupportedWindowsVersion',
    since: '2.2.2',
    confidence: 'medium',
    source: 'as MessageMirroredNetworkingNotSupportedReason (its argument); seen on 2.3.14 (#11873), 2.3.17 (#11952); WslCoreVm.cpp:2988 at 2.6.0',
  },
  {
    id: 'MessageMirroredNetworkingNotSupportedKernel',
    since: '2.2.2',
    confidence: 'low',
    source: 'argument of MessageMirroredNetworkingNotSupportedReason, so not before 2.2.2; present in 2.6.0 resources',
  },
  {
    id: 'MessageNetworkInitializationFailedFallback2',
    since: '2.3.25',
    confidence: 'high',
    source: 'docs wsl-config.md ("starting from WSL 2.3.25, if NAT network mode fails, it falls back"); WslCoreVm.cpp:575, 717 at 2.6.0',
  },
  {
    id: 'LegacyMirroredNotSupported',
    since: '2.0.0',
    until: '2.2.2',
    confidence: 'medium',
    source: 'seen on 2.0.9 (#10823, #11359), 2.0.14 (#11058), 2.1.4 (#11283), 2.1.5 (#11414); replaced by the reason text in 2.2.2',
  },
  {
    id: 'LegacyNatConfigureFailed',
    until: '2.3.25',
    since: null,
    confidence: 'medium',
    source: 'seen up to about 2.3.24 (#11802, #11811, #12019, #12022); replaced by the fallback in 2.3.25 (docs wsl-config.md)',
  },
  {
    id: 'LegacyNatFallbackNoNetworking',
    since: null,
    seenIn: '2.3.24',
    until: '2.6.0',
    confidence: 'low',
    source: 'docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback: about 2.3.24 (#11980); not in the 2.6.0 resources, so gone by 2.6.0 at the latest',
  },
  {
    id: 'MessageProxyLocalhostSettingsDropped',
    since: null,
    seenIn: '2.3.26',
    confidence: 'medium',
    source: 'printed in zh-CN by 2.3.26 (#12442); present in 2.6.0 resources',
  },
  {
    id: 'MessageConfigUnknownKey',
    since: null,
    seenIn: '2.3.14',
    confidence: 'medium',
    source: 'printed in zh-CN by 2.3.14, with an older translation (#11873); present in 2.6.0 resources',
  },
  {
    id: 'MessageErrorCode',
    since: null,
    seenIn: '2.3.26',
    confidence: 'medium',
    source: 'printed in zh-CN by 2.3.26 (错误代码:, #12442); present in 2.6.0 resources',
  },
]

/** Every row, in the order above (docs/knowledge/wsl-message-versions.md lists the same). */
export const messageVersions: readonly MessageVersion[] = rows

export function messageVersion(id: RecognizedMessageId): MessageVersion | null {
  return rows.find((row) => row.id === id) ?? null
}

/**
 * Whether a WSL of `wslVersion` prints message `id` when its condition holds: `yes`, `no` (too
 * old, or the text was retired), or `unknown` (no version, or a message with no recorded start
 * older than 2.6.0). Only `yes` lets a rule read the message's absence as meaningful.
 */
export function wslPrintsMessage(id: RecognizedMessageId, wslVersion: string | null): 'yes' | 'no' | 'unknown' {
  if (wslVersion === null) return 'unknown'
  const row = messageVersion(id)
  if (row?.until !== undefined && isAtLeast(wslVersion, row.until)) return 'no'
  if (row?.since != null) return isAtLeast(wslVersion, row.since) ? 'yes' : 'no'
  if (row?.until !== undefined && row.seenIn === undefined) return 'yes'
  const knownFrom = row?.seenIn !== undefined && !isAtLeast(row.seenIn, FIRST_PUBLIC_SOURCE) ? row.seenIn : FIRST_PUBLIC_SOURCE
  return isAtLeast(wslVersion, knownFrom) ? 'yes' : 'unknown'
}
