/**
 * What counts as personal in a report, as patterns. Kept apart from the walking code so the rules
 * can be read (and documented) in one place:
 *
 * - user names: the folder after `Users` in a Windows profile path (`C:\Users\<name>`, JSON-escaped
 *   `C:\\Users\\<name>`, `C:/Users/<name>`, `/mnt/c/Users/<name>`) and after `/home/` in Linux paths;
 *   once learned, the name is hidden everywhere, case-insensitively;
 * - IPv4: every address except loopback (127/8), 0.0.0.0, the broadcast address, netmasks, WSL's DNS
 *   tunneling address 10.255.255.254 (the same on every PC) and version numbers that look like
 *   addresses (`2.1.5.0`) found in `wsl --version` output;
 * - IPv6: every address except `::1` and `::`;
 * - MAC addresses in `00-15-5D-…` and `00:15:5d:…` form; e-mail addresses (email-scan.ts).
 */

/** Profile folders that name no person. */
export const NOT_PERSONAL_PROFILES: ReadonlySet<string> = new Set(['public', 'default', 'default user', 'all users', 'defaultuser0', 'administrator', '<user>'])

const USERS_DIR = String.raw`(?:(?<![A-Za-z])[A-Za-z]:|/mnt/[A-Za-z])(?:\\{1,2}|/)Users(?:\\{1,2}|/)`
/**
 * A profile folder followed by a separator may contain spaces (`C:\Users\Wei Zhang\…`). At most 255
 * characters, NTFS's limit for one path component: an unbounded run became a name too large to
 * compile into the name pattern.
 */
const PROFILE_WITH_SEPARATOR = new RegExp(`${USERS_DIR}([^\\\\/:*?"<>|\\r\\n\\t]{1,255})(?=[\\\\/])`, 'giu')
/** At the end of a path the name stops at white space. */
const PROFILE_AT_END = new RegExp(`${USERS_DIR}([^\\\\/:*?"<>|\\s;,'()\\[\\]{}]{1,255})`, 'giu')
const LINUX_HOME = /(?<![\w.])\/home\/([a-z_][a-z0-9_.-]{0,31})(?=[/\s"'`]|$)/giu

/**
 * Every pattern here runs in linear time on any input (an 8 MiB adversarial snapshot is redacted in
 * well under a second, redact-speed.test.ts): each repetition is bounded or cannot overlap the next
 * part (a character class that excludes the separator that follows it), and lookarounds are
 * fixed-length. E-mail addresses are found by a hand scan (email-scan.ts): no regex form of them is
 * linear without bounds that would still cost 64 steps per character.
 */

/** Trailing dots and white space go (Windows drops them from folder names); a loop, as `/[.\s]+$/` is quadratic. */
function trimName(raw: string): string {
  const name = raw.trim()
  let end = name.length
  while (end > 0 && /[.\s]/u.test(name[end - 1]!)) end--
  return name.slice(0, end)
}

/** User names in one text, as written (the caller compares them case-insensitively). */
export function findUserNames(text: string): string[] {
  const names: string[] = []
  for (const pattern of [PROFILE_WITH_SEPARATOR, PROFILE_AT_END, LINUX_HOME]) {
    for (const match of text.matchAll(pattern)) {
      const name = trimName(match[1] ?? '')
      if (name !== '' && !NOT_PERSONAL_PROFILES.has(name.toLowerCase())) names.push(name)
    }
  }
  return names
}

export const MAC = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f]|[:-][0-9A-Fa-f])/g

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
export const IPV4 = new RegExp(`(?<![\\d.])(?:${OCTET}\\.){3}${OCTET}(?!\\d|\\.\\d)`, 'g')

/** Candidates only: `isIpv6` decides. Zone ids (`%12`) stay outside the match. */
export const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:.])/g

/** Whether a candidate is a real IPv6 address (eight groups, or fewer with one `::`). */
export function isIpv6(text: string): boolean {
  if (!/[0-9A-Fa-f]/.test(text)) return false
  const halves = text.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')))
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8
}

/** IPv6 addresses that say nothing about a PC. */
export function isKeptIpv6(text: string): boolean {
  return /^(?:0{0,4}:){0,7}:?0{0,3}1$/.test(text) || /^[0:]+$/.test(text)
}

const DNS_TUNNELING = '10.255.255.254'

/** IPv4 addresses that say nothing about a PC or its network (see the module comment). */
export function isKeptIpv4(text: string): boolean {
  const octets = text.split('.').map(Number)
  if (octets[0] === 127 || text === '0.0.0.0' || text === DNS_TUNNELING) return true
  return isNetmask(octets)
}

function isNetmask(octets: readonly number[]): boolean {
  if (octets[0] !== 255) return false
  const bits = octets.map((o) => o.toString(2).padStart(8, '0')).join('')
  return /^1+0*$/.test(bits)
}
