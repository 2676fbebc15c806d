import { recognizeWslMessages } from './shared/wsl-output/recognize-messages'
import { findErrorCodes } from './shared/wsl-output/error-codes'
import { parseWslVersionOutput } from './shared/wsl-output/parse-wsl-version'
import { parseWslList } from './shared/wsl-output/parse-wsl-list'
const t = (label: string, s: string) => { const t0 = performance.now(); const r = recognizeWslMessages(s); findErrorCodes(s); parseWslVersionOutput(s); parseWslList('NAME STATE VERSION\n' + s); console.log(label, s.length, Math.round(performance.now() - t0), 'ms', r.length) }
t('warmup', 'x')
t('long line dup', "Duplicated config key 'a' in b:1 (Conflicting key: ".repeat(400))
t('dup 1000', "Duplicated config key 'a' in b:1 (Conflicting key: 'c' in ".repeat(20).slice(0, 999))
t('dup 1000 tight', "Duplicated config key '' in :1 (Conflicting key: '' in :1)".repeat(20).slice(0, 999))
t('zh dup', "a:1 中的配置键“b”重复(c:2中的键“d”冲突)".repeat(40).slice(0, 999))
t('long line colon', "中的键“".repeat(2000) + ':'.repeat(3000))
t('long line in', "Invalid value 'x' for config key 'y' in ".repeat(300))
t('long line errorcode', 'x'.repeat(20000) + '\nError code: ' + 'y'.repeat(20000))
t('many lines', "Invalid value 'x' for config key 'y' in C:\\a:1 (Valid values: a)\n".repeat(3000))
