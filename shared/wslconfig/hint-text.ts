/** English texts for our hints (WSL's own warnings use wsl-messages.json instead). */
import type { WslConfigHint } from './hints'

/** Renders a hint as one English sentence for the CLI and logs. */
export function hintText(hint: WslConfigHint): string {
  const a = hint.args.map(String)
  switch (hint.id) {
    case 'unknown-key-did-you-mean':
      return `'${a[0]}' is not a .wslconfig key; did you mean '${a[1]}'?`
    case 'key-in-wrong-section':
      return `'${a[0]}' is in the wrong section; WSL only reads it as '${a[1]}'.`
    case 'key-before-any-section':
      return `'${a[0]}' comes before any [section] header, so WSL ignores it; put it under [${(a[1] ?? '').split('.')[0]}].`
    case 'wsl-conf-key':
      return `'${a[0]}' belongs in /etc/wsl.conf inside the distribution, not in .wslconfig.`
    case 'section-typo':
      return `[${a[0]}] is not a section WSL knows; did you mean [${a[1]}]? Keys below it are ignored.`
    case 'section-header-ignored':
      return `WSL ignores the header '${a[0]}'; the keys below it stay in the previous section.`
    case 'semicolon-comment':
      return `Only '#' starts a comment in .wslconfig; WSL reports a ';' line as an invalid key.`
    case 'backslash-invalid-escape':
      return `A single backslash starts an escape, so WSL drops the line '${a[0]}'. Write it as ${a[2]}.`
    case 'backslash-silently-mangled':
      return `WSL reads ${a[0]} as ${JSON.stringify(a[1])} (\\t, \\b or \\n became control characters). Write ${a[2]}.`
    case 'non-ascii-mangled':
      return `WSL keeps only the low byte of non-ASCII characters, so it reads ${JSON.stringify(a[0])} as ${JSON.stringify(a[1])}.`
    case 'legacy-experimental-section':
      return `'${a[0]}' still works, but current WSL documents it as '${a[1]}'.`
    case 'duplicate-across-sections':
      return `'${a[0]}' and '${a[1]}' (line ${a[2]}) set the same setting; WSL uses the first and ignores this one.`
    case 'utf16-without-bom':
      return 'The file looks like UTF-16 without a byte order mark; WSL reads it as UTF-8 garbage. Save it as UTF-8.'
    case 'not-utf8':
      return 'The file is not valid UTF-8 (ANSI code page?); WSL replaces those bytes. Save it as UTF-8.'
    case 'lone-cr-line-ends':
      return `The lines end with a lone CR (old Mac style): WSL reads everything after the first '#' as one comment and ignores ${a[0]}. Save it with Windows (CR LF) line ends.`
  }
}
