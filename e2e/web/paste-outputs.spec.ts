import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openWizard } from './bridge-binding'

const shots = join(__dirname, '..', '..', 'test-results', 'paste-outputs')
mkdirSync(shots, { recursive: true })

// Real outputs (sources in shared/diagnosis/pasted-outputs-*.test.ts): `wsl --status` of microsoft/WSL#9448,
// the Chinese `systeminfo` lines of potato-security/PotatoTool, and `ip a` with only lo (microsoft/WSL#11090).
const PASTE = [
  'Default Distribution: Debian',
  'Default Version: 2',
  '',
  'OS 名称:          Microsoft Windows 10 专业版',
  'OS 版本:          10.0.18363 暂缺 Build 18363',
  'Hyper-V 要求:     已检测到虚拟机监控程序。将不显示 Hyper-V 所需的功能。',
  '',
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    inet 127.0.0.1/8 scope host lo',
].join('\n')

for (const locale of ['en-US', 'zh-CN'] as const) {
  test(`${locale}: pasted command outputs are shown back, one recognised fact per line (issue 11 #3)`, async ({ page }) => {
    await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale })
    await page.getByTestId('pasted-output').fill(PASTE)
    const outputs = page.getByTestId('paste-outputs')
    await expect(outputs.locator('li')).toHaveCount(5)
    await expect(outputs).toContainText(
      locale === 'zh-CN'
        ? '你粘贴的 systeminfo：Microsoft Windows 10 专业版，内部版本 18363。'
        : 'You pasted systeminfo: Microsoft Windows 10 专业版, build 18363.',
    )
    await page.getByTestId('paste-outputs').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, `${locale}-welcome-outputs.png`), fullPage: false })
  })
}
