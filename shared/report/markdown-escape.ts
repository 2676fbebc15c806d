/**
 * Text for GitHub-flavoured Markdown outside code: backslashes and the characters that would start
 * emphasis, links, HTML (`<user>` would vanish as an unknown tag) or a table cell are escaped, so
 * `C:\Users\<user>\.wslconfig` shows as written.
 */
export function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/\r?\n/g, ' ')
}

/**
 * A fenced code block that its content cannot close: the fence is one backtick longer than the
 * longest backtick run inside (CommonMark), at least three.
 */
export function mdFence(content: string, info = 'text'): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${content.replace(/\r\n/g, '\n').replace(/\n+$/, '')}\n${fence}`
}

/** An inline code span (paths read as written, raw and rendered); table pipes still escaped. */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}${pad}${ticks}`
}
