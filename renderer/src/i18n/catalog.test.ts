import { describe, expect, it } from 'vitest'
import { en } from './en'
import { pickLocale, translate } from './i18n'
import { zhCN } from './zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalogs', () => {
  it('define exactly the same keys in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
  })

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      expect(text.trim(), key).not.toBe('')
    }
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
    expect(translate('en', 'findings.wslconfig.present', { path: 'C:\\Users\\a\\.wslconfig', bytes: 1234 })).toBe(
      'C:\\Users\\a\\.wslconfig (1,234 bytes)',
    )
    expect(translate('zh-CN', 'scan.elapsed', { seconds: 3 })).toBe('已用时间：3 秒')
  })
})
