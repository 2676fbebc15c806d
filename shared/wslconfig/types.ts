/**
 * Output types of the `.wslconfig` parser. The JSON shape (`values`, `warnings`, `error`) is fixed by
 * the output of WSL's own parser over reference samples, so our CLI output can be diffed against WSL's.
 */

/** Name of the `wsl::shared::Localization` function WSL calls for a config problem. */
export type WslConfigMessageId =
  | 'MessageConfigUnknownKey'
  | 'MessageConfigInvalidKey'
  | 'MessageConfigInvalidSection'
  | 'MessageConfigExpected'
  | 'MessageConfigInvalidEscape'
  | 'MessageConfigInvalidBoolean'
  | 'MessageConfigInvalidInteger'
  | 'MessageInvalidNumberString'
  | 'MessageConfigInvalidEnum'
  | 'MessageConfigInvalidIp'
  | 'MessageConfigKeyDuplicated'
  | 'MessageConfigMacAddress'

/** One message: its id, the line WSL reports (quirks included) and the remaining arguments. */
export interface WslConfigMessage {
  message: WslConfigMessageId
  line: number
  args: (string | number)[]
}

/** Exactly what the reference harness prints for one file. */
export interface WslConfigParse {
  values: Record<string, string>
  warnings: WslConfigMessage[]
  error?: WslConfigMessage
}

/** What happened to one `key = value` line that reached `SetConfig`. */
export type WslKeyOutcome = 'stored' | 'rejected' | 'duplicate' | 'unknown' | 'fatal'

/** A line the parser understood, with offsets into the decoded text (for the editor and hints). */
export type WslConfigEntry =
  | {
      kind: 'section'
      /** Section name as written. */
      name: string
      line: number
      start: number
      end: number
    }
  | {
      kind: 'key'
      /** `section.key` as WSL built it (prefix quirks included), cut at the first NUL like `c_str()`. */
      name: string
      /** Key name as written after the section prefix. */
      keyName: string
      /** Line WSL reports for this key (after any line continuation). */
      line: number
      /** Line on which the key started. */
      firstLine: number
      /** Offset of the first character of the line (before leading blanks). */
      lineStart: number
      keyStart: number
      valueStart: number
      /** End of the value as written, without trailing blanks (before a `#` comment or the line end). */
      valueEnd: number
      /** Offset of the character that ended the value (`\n`, `\r`, `#`) or the text length at EOF. */
      termPos: number
      /** Canonical name of the matched key, or null when WSL did not know it. */
      canonical: string | null
      /** Value bytes WSL stored (low byte of each UTF-16 unit), as decoded text for display. */
      value: string
      /** The value bytes WSL stored (low byte of each UTF-16 unit, cut at the first NUL). */
      valueBytes: readonly number[]
      outcome: WslKeyOutcome
    }
  | {
      kind: 'invalid'
      message: WslConfigMessageId
      line: number
      lineStart: number
      /** Offset where WSL started skipping (the offending character). */
      errorPos: number
      /** Offset of the LF (or text length) that ends the skipped line. */
      end: number
      /** `section.key` as WSL had built it, when a key line failed (bad escape, missing `=` or `"`). */
      name?: string
    }

/** Parse result plus the structure the editor and hints need. */
export interface WslConfigParseDetailed extends WslConfigParse {
  entries: WslConfigEntry[]
}
