import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAsset } from './resolve-asset'

const root = join('/opt', 'app', 'renderer')

describe('resolveAsset', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAsset('app://doctor/index.html', root, 'doctor')).toEqual({ file: join(root, 'index.html'), mime: 'text/html; charset=utf-8' })
    expect(resolveAsset('app://doctor/', root, 'doctor')?.file).toBe(join(root, 'index.html'))
    expect(resolveAsset('app://doctor/assets/index-1.js', root, 'doctor')?.mime).toBe('text/javascript; charset=utf-8')
  })
  it('never resolves outside the renderer folder, however the path is spelled', () => {
    for (const url of ['app://doctor/../../etc/passwd', 'app://doctor/%2e%2e/%2e%2e/secret', 'app://doctor/a/../../b']) {
      const asset = resolveAsset(url, root, 'doctor')
      expect(asset === null || asset.file.startsWith(root + '/'), url).toBe(true)
    }
  })
  it('refuses encoded separators, NUL, bad escapes and other hosts', () => {
    for (const url of [
      'app://doctor/assets/..%2f..%2f..%2fsecret',
      'app://doctor/..%5c..%5cwindows%5cwin.ini',
      'app://doctor/%00',
      'app://other/index.html',
      'app://doctor/%E0%A4%A',
    ]) {
      expect(resolveAsset(url, root, 'doctor'), url).toBeNull()
    }
  })
})
