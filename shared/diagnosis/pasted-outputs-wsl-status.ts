import { wslMessageTemplate, type WslLanguage } from '../wsl-messages/messages'
import { wslLanguages } from '../wsl-output/message-catalog'

/**
 * `wsl --status` as WSL prints it (src/windows/common/WslClient.cpp `Status()`): the default
 * distribution (only when one is registered) and the default version, each on its own line with a
 * label from WSL's resources (MessageStatusDefaultDistro / MessageStatusDefaultVersion) in the
 * user's language: `Default Distribution: Debian` (#9448), `默认分发: Ubuntu` / `默认版本: 2`.
 * Current WSL prints no networking-mode line there (docs/knowledge/paste-evidence.md#wsl---status).
 */
export interface PastedWslStatus {
  readonly defaultDistro: string | null
  readonly defaultVersion: 1 | 2 | null
  /** The language whose labels matched (first line found). */
  readonly language: WslLanguage
}

interface LabelPattern {
  readonly language: WslLanguage
  readonly re: RegExp
}

let patterns: { readonly distro: readonly LabelPattern[]; readonly version: readonly LabelPattern[] } | undefined

/** `Default Distribution: {}` → `^\s*Default\s+Distribution\s*[:：]\s*(\S.*?)\s*$`, per language. */
function labelPattern(template: string): RegExp | null {
  const at = template.indexOf('{}')
  if (at <= 0) return null
  const label = template
    .slice(0, at)
    .trim()
    .replace(/[:：]\s*$/u, '')
    .trim()
  if (label === '') return null
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
  return new RegExp(`^\\s*${escaped}\\s*[:：]\\s*(\\S.*?)\\s*$`, 'u')
}

function build() {
  const of = (id: 'MessageStatusDefaultDistro' | 'MessageStatusDefaultVersion') =>
    // en-US first: en-GB has the same labels, and the language shown should be the common one.
    [...wslLanguages]
      .sort((a, b) => Number(b === 'en-US') - Number(a === 'en-US'))
      .flatMap((language) => {
        const re = labelPattern(wslMessageTemplate(id, language))
        return re === null ? [] : [{ language, re }]
      })
  return { distro: of('MessageStatusDefaultDistro'), version: of('MessageStatusDefaultVersion') }
}

/** Distro names WSL registers (docs/knowledge/wsl-network-check.md#distro-names). */
const DISTRO_NAME = /^[A-Za-z0-9._-]{1,256}$/

/** Null when no line carries WSL's own "default version" or "default distribution" label. */
export function pastedWslStatus(lines: readonly string[]): PastedWslStatus | null {
  patterns ??= build()
  let defaultDistro: string | null = null
  let defaultVersion: 1 | 2 | null = null
  let language: WslLanguage | null = null
  for (const line of lines) {
    if (line.length > 400) continue
    if (defaultVersion === null) {
      for (const p of patterns.version) {
        const value = p.re.exec(line)?.[1]
        if (value === '1' || value === '2') {
          defaultVersion = value === '1' ? 1 : 2
          language ??= p.language
          break
        }
      }
    }
    if (defaultDistro === null) {
      for (const p of patterns.distro) {
        const value = p.re.exec(line)?.[1]
        if (value !== undefined && DISTRO_NAME.test(value)) {
          defaultDistro = value
          language ??= p.language
          break
        }
      }
    }
  }
  return language === null ? null : { defaultDistro, defaultVersion, language }
}
