import { describe, expect, it } from 'vitest'
import { diagnosisEn } from '../../../shared/diagnosis/messages/en'
import { diagnosisZhCN } from '../../../shared/diagnosis/messages/zh-CN'
import { formatMessage, templateArguments } from '../../../shared/i18n/format-message'
import { repairEn } from '../../../shared/repair/messages/en'
import { repairZhCN } from '../../../shared/repair/messages/zh-CN'
import { REPORT_TEXT } from '../../../shared/report/markdown-text'
import { en } from './en'
import { pickLocale, translate } from './i18n'
import { zhCN } from './zh-CN'

/** Nested report texts flattened to `a.b` keys, so every catalog is a flat key → template map. */
function flatten(object: Readonly<Record<string, unknown>>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') out[`${prefix}${key}`] = value
    else if (typeof value === 'object' && value !== null) Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`))
  }
  return out
}

/** Every message catalog of the app, English beside Chinese (issue 13 #5: one parity test for all). */
const CATALOGS: readonly { readonly name: string; readonly en: Readonly<Record<string, string>>; readonly zh: Readonly<Record<string, string>> }[] = [
  { name: 'ui', en, zh: zhCN },
  { name: 'diagnosis', en: diagnosisEn, zh: diagnosisZhCN },
  { name: 'repair', en: repairEn, zh: repairZhCN },
  { name: 'report', en: flatten(REPORT_TEXT.en), zh: flatten(REPORT_TEXT['zh-CN']) },
]

describe.each(CATALOGS)('the $name catalog', ({ en: english, zh }) => {
  it('defines exactly the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(english).sort())
  })

  it('uses the same arguments in both languages (plural counts included)', () => {
    for (const [key, template] of Object.entries(english)) {
      expect(templateArguments(zh[key] ?? ''), key).toEqual(templateArguments(template))
    }
  })

  it('has no empty message, and every template parses (balanced braces, plurals with "other")', () => {
    for (const [key, text] of [...Object.entries(english), ...Object.entries(zh)]) {
      expect(text.trim(), key).not.toBe('')
      expect(() => formatMessage('en', text), key).not.toThrow()
    }
  })

  it('writes no "(s)" plural in English: plurals go through Intl.PluralRules', () => {
    for (const [key, text] of Object.entries(english)) expect(text, key).not.toMatch(/\w\(s\)/)
  })

  it('speaks to the user as 你 in Chinese, as Windows does, never 您', () => {
    for (const [key, text] of Object.entries(zh)) expect(text, key).not.toContain('您')
  })
})

describe('pickLocale', () => {
  it('follows the first supported preference', () => {
    expect(pickLocale(['zh-CN', 'en-US'])).toBe('zh-CN')
    expect(pickLocale(['en-GB', 'zh-CN'])).toBe('en')
    expect(pickLocale(['zh-Hans-CN'])).toBe('zh-CN')
  })
  it('falls back to English for languages we do not ship', () => {
    expect(pickLocale(['de-DE', 'fr-FR'])).toBe('en')
    expect(pickLocale([])).toBe('en')
  })
})

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'findings.wslconfig.present', { path: 'C:\\Users\\a\\.wslconfig', bytes: 1234 })).toBe('C:\\Users\\a\\.wslconfig (1,234 bytes)')
    expect(translate('zh-CN', 'scan.elapsed', { seconds: 3 })).toBe('已用时间：3 秒')
  })

  it('says "1 message" and "2 messages", never "message(s)"', () => {
    const vars = { codes: '0x80041002', language: 'en' }
    expect(translate('en', 'welcome.paste.recognised', { ...vars, messages: 1 })).toBe('Recognised 1 WSL message (en); error codes: 0x80041002.')
    expect(translate('en', 'welcome.paste.recognised', { ...vars, messages: 2 })).toBe('Recognised 2 WSL messages (en); error codes: 0x80041002.')
    expect(translate('zh-CN', 'welcome.paste.recognised', { ...vars, messages: 2 })).toBe('识别出 2 条 WSL 消息（en）；错误代码：0x80041002。')
  })
})
