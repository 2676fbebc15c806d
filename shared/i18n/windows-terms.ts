import type { Locale } from './locale'

/**
 * Catalog of Windows' own words for values the probes read as identifiers: editions
 * (`EditionID`), service states and start types, optional-feature states and WSL networking modes.
 * Each is shown the way Windows itself names it in that language, so a Chinese user reads
 * "专业版", not "Professional" (sources: docs/knowledge/windows-terms.md).
 * An identifier not listed here is shown as read: an honest raw value beats a guessed name.
 */
type Term = Readonly<Record<Locale, string>>

const EDITIONS: Readonly<Record<string, Term>> = {
  core: { en: 'Home', 'zh-CN': '家庭版' },
  coren: { en: 'Home N', 'zh-CN': '家庭版 N' },
  corecountryspecific: { en: 'Home China', 'zh-CN': '家庭中文版' },
  coresinglelanguage: { en: 'Home Single Language', 'zh-CN': '家庭单语言版' },
  professional: { en: 'Pro', 'zh-CN': '专业版' },
  professionaln: { en: 'Pro N', 'zh-CN': '专业版 N' },
  professionalcountryspecific: { en: 'Pro China', 'zh-CN': '专业版（中国）' },
  professionalsinglelanguage: { en: 'Pro Single Language', 'zh-CN': '专业单语言版' },
  professionaleducation: { en: 'Pro Education', 'zh-CN': '专业教育版' },
  professionalworkstation: { en: 'Pro for Workstations', 'zh-CN': '专业工作站版' },
  enterprise: { en: 'Enterprise', 'zh-CN': '企业版' },
  enterprisen: { en: 'Enterprise N', 'zh-CN': '企业版 N' },
  enterprises: { en: 'Enterprise LTSC', 'zh-CN': '企业版 LTSC' },
  enterpriseg: { en: 'Enterprise G', 'zh-CN': '企业版 G' },
  education: { en: 'Education', 'zh-CN': '教育版' },
  educationn: { en: 'Education N', 'zh-CN': '教育版 N' },
  iotenterprise: { en: 'IoT Enterprise', 'zh-CN': 'IoT 企业版' },
  iotenterprises: { en: 'IoT Enterprise LTSC', 'zh-CN': 'IoT 企业版 LTSC' },
  serverstandard: { en: 'Server Standard', 'zh-CN': 'Server 标准版' },
  serverdatacenter: { en: 'Server Datacenter', 'zh-CN': 'Server 数据中心版' },
}

const SERVICE_STATES: Readonly<Record<string, Term>> = {
  running: { en: 'Running', 'zh-CN': '正在运行' },
  stopped: { en: 'Stopped', 'zh-CN': '已停止' },
  startpending: { en: 'Starting', 'zh-CN': '正在启动' },
  stoppending: { en: 'Stopping', 'zh-CN': '正在停止' },
  paused: { en: 'Paused', 'zh-CN': '已暂停' },
  pausepending: { en: 'Pausing', 'zh-CN': '正在暂停' },
  continuepending: { en: 'Resuming', 'zh-CN': '正在继续' },
}

const START_TYPES: Readonly<Record<string, Term>> = {
  automatic: { en: 'Automatic', 'zh-CN': '自动' },
  'automatic-delayed': { en: 'Automatic (Delayed Start)', 'zh-CN': '自动(延迟启动)' },
  manual: { en: 'Manual', 'zh-CN': '手动' },
  'manual-trigger': { en: 'Manual (Trigger Start)', 'zh-CN': '手动(触发器启动)' },
  disabled: { en: 'Disabled', 'zh-CN': '禁用' },
  boot: { en: 'Boot', 'zh-CN': '引导' },
  system: { en: 'System', 'zh-CN': '系统' },
}

const FEATURE_STATES: Readonly<Record<string, Term>> = {
  enabled: { en: 'turned on', 'zh-CN': '已启用' },
  disabled: { en: 'turned off', 'zh-CN': '已关闭' },
  disabledwithpayloadremoved: { en: 'turned off (its files removed)', 'zh-CN': '已关闭（文件已删除）' },
  enablepending: { en: 'turned on after a restart', 'zh-CN': '重启后启用' },
  disablepending: { en: 'turned off after a restart', 'zh-CN': '重启后关闭' },
  absent: { en: 'not present', 'zh-CN': '不存在' },
}

/** WSL's networking modes, as `.wslconfig`, `wslinfo` and WSL's own messages spell them. */
const NETWORKING_MODES: Readonly<Record<string, Term>> = {
  nat: { en: 'NAT', 'zh-CN': 'NAT' },
  mirrored: { en: 'Mirrored', 'zh-CN': '镜像' },
  virtioproxy: { en: 'VirtioProxy', 'zh-CN': 'VirtioProxy' },
  consomme: { en: 'Consomme', 'zh-CN': 'Consomme' },
  none: { en: 'None (no network)', 'zh-CN': '无网络' },
  bridged: { en: 'Bridged', 'zh-CN': '桥接' },
}

/** `wsl --list --verbose` states: WSL prints them in English whatever the Windows language. */
const DISTRO_STATES: Readonly<Record<string, Term>> = {
  running: { en: 'Running', 'zh-CN': '正在运行' },
  stopped: { en: 'Stopped', 'zh-CN': '已停止' },
  installing: { en: 'Installing', 'zh-CN': '正在安装' },
  converting: { en: 'Converting', 'zh-CN': '正在转换' },
  uninstalling: { en: 'Uninstalling', 'zh-CN': '正在卸载' },
  exporting: { en: 'Exporting', 'zh-CN': '正在导出' },
}

const TERMS = {
  edition: EDITIONS,
  serviceState: SERVICE_STATES,
  startType: START_TYPES,
  featureState: FEATURE_STATES,
  networkingMode: NETWORKING_MODES,
  distroState: DISTRO_STATES,
} as const satisfies Readonly<Record<string, Readonly<Record<string, Term>>>>

export type WindowsTermKind = keyof typeof TERMS

/** Windows' name for `raw` in `locale`; case and spaces do not matter; unknown values stay as read. */
export function windowsTerm(locale: Locale, kind: WindowsTermKind, raw: string): string {
  return lookupTerm(kind, raw)?.[locale] ?? raw
}

/** Whether the catalog names `raw` (tests use it to prove every scenario value is covered). */
export function isKnownWindowsTerm(kind: WindowsTermKind, raw: string): boolean {
  return lookupTerm(kind, raw) !== undefined
}

/**
 * Message arguments that show `raw` as Windows names it in each language: the plain name in
 * English and `name@zh-CN` in Chinese (the formatter picks the one for the UI language).
 */
export function windowsTermArgs(name: string, kind: WindowsTermKind, raw: string): Record<string, string> {
  return { [name]: windowsTerm('en', kind, raw), [`${name}@zh-CN`]: windowsTerm('zh-CN', kind, raw) }
}

function lookupTerm(kind: WindowsTermKind, raw: string): Term | undefined {
  const table: Readonly<Record<string, Term>> = TERMS[kind]
  const key = raw.trim().toLowerCase().replace(/\s+/g, '')
  return Object.hasOwn(table, key) ? table[key] : undefined
}
