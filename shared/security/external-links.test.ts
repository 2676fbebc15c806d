import { describe, expect, it } from 'vitest'
import { EXTERNAL_LINKS, externalUrlAllowed } from './external-links'

describe('externalUrlAllowed', () => {
  it('allows every link the app shows', () => {
    for (const uri of Object.values(EXTERNAL_LINKS)) expect(externalUrlAllowed(uri), uri).not.toBeNull()
  })

  it('allows https pages of the documentation hosts only', () => {
    expect(externalUrlAllowed('https://learn.microsoft.com/windows/wsl/wsl-config')).toBe('https://learn.microsoft.com/windows/wsl/wsl-config')
    expect(externalUrlAllowed('http://learn.microsoft.com/')).toBeNull()
    expect(externalUrlAllowed('https://learn.microsoft.com.evil.example/')).toBeNull()
    expect(externalUrlAllowed('https://user:pw@learn.microsoft.com/')).toBeNull()
  })

  it('allows exactly the listed Settings pages, and no other scheme', () => {
    expect(externalUrlAllowed('ms-settings:windowsupdate')).toBe('ms-settings:windowsupdate')
    for (const url of [
      'ms-settings:windowsupdate-action',
      'ms-settings:',
      'ms-settings:privacy-webcam',
      'search-ms:query=x',
      'file:///C:/Windows/System32/cmd.exe',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(externalUrlAllowed(url), url).toBeNull()
    }
  })
})
