import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format-date-time'

describe('formatDateTime', () => {
  it('formats a valid time in the locale', () => {
    expect(formatDateTime('zh-CN', '2026-11-20T08:05:00Z')).toMatch(/^2026年11月20日/)
  })

  it('returns text that is not a date unchanged instead of throwing', () => {
    expect(formatDateTime('en', 'not a date')).toBe('not a date')
  })
})
