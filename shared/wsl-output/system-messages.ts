import { knownHresults, lookupHresult } from './hresults'
import type { ErrorCodeRef } from './error-codes'
import { lineAt, lineStarts, normalizeWslText } from './text'

/**
 * Windows' own message text for the codes the product knows (hresults.ts), in English and
 * Simplified Chinese, as Microsoft publishes it (issue 11 #3). Old and current WSL often print
 * only this text, localized, without the code; a paste that has only the text still yields the
 * code. Every text cites where it was taken from; a code whose text could not be sourced has
 * none (docs/knowledge/windows-system-messages.md lists both). Never invent a text here.
 */
export interface SystemMessage {
  /** The HRESULT WSL prints (`0x80070422`), as in hresults.ts. */
  readonly code: string
  readonly symbol: string
  /** Texts by language: the documented text first, then variants seen printed by real Windows. */
  readonly texts: { readonly 'en-US': readonly SourcedText[]; readonly 'zh-CN': readonly SourcedText[] }
}

export interface SourcedText {
  readonly text: string
  /** `docs`: Microsoft's published documentation; `observed`: printed next to its code in a public report. */
  readonly kind: 'docs' | 'observed'
  readonly source: string
}

const SEC_0_499 = 'https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--0-499-'
const SEC_1000_1299 = 'https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1000-1299-'
const SEC_1700_3999 = 'https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1700-3999-'
const SEC_9000_11999 = 'https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--9000-11999-'
const HCN = 'https://learn.microsoft.com/en-us/virtualization/api/hcn/reference/hcnhresult'
const HCS = 'https://learn.microsoft.com/en-us/virtualization/api/hcs/reference/hcshresult'

const docs = (text: string, source: string): SourcedText => ({ text, kind: 'docs', source })
const observed = (text: string, source: string): SourcedText => ({ text, kind: 'observed', source })

const table: readonly SystemMessage[] = [
  { code: '0x80070002', symbol: 'ERROR_FILE_NOT_FOUND', texts: { 'en-US': [docs('The system cannot find the file specified.', SEC_0_499)], 'zh-CN': [] } },
  { code: '0x80070005', symbol: 'E_ACCESSDENIED', texts: { 'en-US': [docs('Access is denied.', SEC_0_499)], 'zh-CN': [] } },
  { code: '0x80070032', symbol: 'ERROR_NOT_SUPPORTED', texts: { 'en-US': [docs('The request is not supported.', SEC_0_499)], 'zh-CN': [] } },
  {
    code: '0x80070422',
    symbol: 'ERROR_SERVICE_DISABLED',
    texts: {
      'en-US': [
        docs('The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.', SEC_1000_1299),
        // Newer Windows builds print a shorter wording above `Error code: Wsl/0x80070422`.
        observed(
          'The service cannot be started because it is disabled or has no enabled devices associated with it.',
          'https://github.com/microsoft/WSL/issues/13766',
        ),
      ],
      'zh-CN': [],
    },
  },
  {
    code: '0x80070424',
    symbol: 'ERROR_SERVICE_DOES_NOT_EXIST',
    texts: { 'en-US': [docs('The specified service does not exist as an installed service.', SEC_1000_1299)], 'zh-CN': [] },
  },
  { code: '0x80070426', symbol: 'ERROR_SERVICE_NOT_ACTIVE', texts: { 'en-US': [docs('The service has not been started.', SEC_1000_1299)], 'zh-CN': [] } },
  { code: '0x800704db', symbol: 'ERROR_SERVICE_NOT_FOUND', texts: { 'en-US': [docs('The specified service does not exist.', SEC_1000_1299)], 'zh-CN': [] } },
  { code: '0x800706ba', symbol: 'RPC_S_SERVER_UNAVAILABLE', texts: { 'en-US': [docs('The RPC server is unavailable.', SEC_1700_3999)], 'zh-CN': [] } },
  { code: '0x800706be', symbol: 'RPC_S_CALL_FAILED', texts: { 'en-US': [docs('The remote procedure call failed.', SEC_1700_3999)], 'zh-CN': [] } },
  {
    code: '0x800706bf',
    symbol: 'RPC_S_CALL_FAILED_DNE',
    texts: { 'en-US': [docs('The remote procedure call failed and did not execute.', SEC_1700_3999)], 'zh-CN': [] },
  },
  {
    code: '0x800706d9',
    symbol: 'EPT_S_NOT_REGISTERED',
    texts: { 'en-US': [docs('There are no more endpoints available from the endpoint mapper.', SEC_1700_3999)], 'zh-CN': [] },
  },
  {
    code: '0x8007273d',
    symbol: 'WSAEOPNOTSUPP',
    texts: {
      'en-US': [docs('The attempted operation is not supported for the type of object referenced.', SEC_9000_11999)],
      // WSL 2.9 prints it above `错误代码： WSAEOPNOTSUPP` (#41656), which ties the Chinese text to the code.
      'zh-CN': [observed('参考的对象类型不支持尝试的操作。', 'https://github.com/microsoft/WSL/issues/41656')],
    },
  },
  { code: '0x803b0001', symbol: 'HCN_E_NETWORK_NOT_FOUND', texts: { 'en-US': [docs('The network was not found', HCN)], 'zh-CN': [] } },
  {
    code: '0x803b0015',
    symbol: 'HCN_E_REQUEST_UNSUPPORTED',
    texts: {
      'en-US': [docs('The specified request is unsupported', HCN)],
      // Printed above `错误代码: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015` (#12442, #12486).
      'zh-CN': [observed('指定的请求不受支持。', 'https://github.com/microsoft/WSL/issues/12442')],
    },
  },
  {
    code: '0x803b0017',
    symbol: 'HCN_E_DEGRADED_OPERATION',
    texts: { 'en-US': [docs('There was an operation attempted on a degraded object', HCN)], 'zh-CN': [] },
  },
  {
    code: '0x803b002a',
    symbol: 'HCN_E_ICS_DISABLED',
    texts: { 'en-US': [docs('Internet Connection Sharing service (SharedAccess) is disabled and cannot be started', HCN)], 'zh-CN': [] },
  },
  { code: '0x803b002f', symbol: 'HCN_E_ADDR_INVALID_OR_RESERVED', texts: { 'en-US': [docs('An address provided is invalid or reserved', HCN)], 'zh-CN': [] } },
  {
    code: '0x803b0037',
    symbol: 'HCN_E_VFP_NOT_ALLOWED',
    texts: { 'en-US': [docs('A network of this type can not be created because VFP is not available', HCN)], 'zh-CN': [] },
  },
  {
    code: '0x80370102',
    symbol: 'HCS_E_HYPERV_NOT_INSTALLED',
    texts: { 'en-US': [docs('The virtual machine could not be started because a required feature is not installed', HCS)], 'zh-CN': [] },
  },
  {
    code: '0x8037010d',
    symbol: 'HCS_E_INVALID_JSON',
    texts: { 'en-US': [docs('The virtual machine or container JSON document is invalid', HCS)], 'zh-CN': [] },
  },
]

/** Every code with its texts (a code the product knows but with no sourced text is simply absent). */
export const systemMessages: readonly SystemMessage[] = table

/** Codes of hresults.ts with no sourced text in any language (the doc lists them). */
export const codesWithoutText: readonly string[] = knownHresults.map((h) => h.code).filter((code) => !table.some((m) => m.code === code))

/** Each text as a tolerant whole-line matcher: final period optional, any run of spaces, ASCII or full-width. */
function textPattern(text: string): RegExp {
  const body = text
    .replace(/[.。]$/u, '')
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+')
  return new RegExp(`(?:^|[\\s'"“‘「:：>])(${body})[.。]?(?=$|[\\s'"”’」])`, 'gmu')
}

const matchers: readonly { readonly message: SystemMessage; readonly language: 'en-US' | 'zh-CN'; readonly re: RegExp }[] = table.flatMap((message) =>
  (['en-US', 'zh-CN'] as const).flatMap((language) => message.texts[language].map((t) => ({ message, language, re: textPattern(t.text) }))),
)

/** A system text found in pasted output: the code it stands for, with where and in which language. */
export interface SystemTextRef extends ErrorCodeRef {
  readonly source: 'text'
  readonly language: 'en-US' | 'zh-CN'
  /** The text as printed. */
  readonly text: string
}

/**
 * Windows' system texts found in `text` (any position in a line: WSL, Docker and `net` quote them
 * inside longer lines), each once per code, in line order. The ref's `path` is the text as
 * printed, in quotes, so evidence reads "WSL reported \"Access is denied.\"".
 */
export function findSystemTextCodes(text: string): SystemTextRef[] {
  const doc = normalizeWslText(text)
  const starts = lineStarts(doc)
  const refs: SystemTextRef[] = []
  for (const { message, language, re } of matchers) {
    if (refs.some((r) => r.code === message.code)) continue
    re.lastIndex = 0
    const match = re.exec(doc)
    if (match === null || match[1] === undefined) continue
    const printed = match[1]
    const at = match.index + match[0].indexOf(printed)
    const info = lookupHresult(message.code)
    refs.push({
      source: 'text',
      path: `"${printed}"`,
      context: [],
      code: message.code,
      hresult: info?.value ?? Number.parseInt(message.code.slice(2), 16) >>> 0,
      symbol: message.symbol,
      networking: false,
      hns: false,
      line: lineAt(starts, at),
      language,
      text: printed,
    })
  }
  return refs.sort((a, b) => a.line - b.line)
}
