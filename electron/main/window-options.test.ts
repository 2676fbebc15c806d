import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp'
import { windowOptions } from './window-options'

describe('BrowserWindow options', () => {
  it('isolate and sandbox the renderer with no Node access (Electron checklist 2–4, 6, 8–10)', () => {
    expect(windowOptions('/app/preload.js', { dev: false }).webPreferences).toEqual({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      safeDialogs: true,
    })
  })
  it('allow DevTools only in development', () => {
    expect(windowOptions('/p.js', { dev: true }).webPreferences?.devTools).toBe(true)
  })
  it('fit a 1366×768 laptop screen', () => {
    const options = windowOptions('/p.js', { dev: false })
    expect(options.width).toBeLessThanOrEqual(1366)
    expect(options.height).toBeLessThanOrEqual(768 - 40)
  })
})

describe('Content Security Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    }),
  )
  it('allows only our own scripts, styles and connections', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
  })
  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  })
  it('never allows inline or eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*|http:|https:/)
  })
})
