import type { MessageValue } from '../../../shared/i18n/format-message'
import type { MessageKey, en } from './en'

/**
 * The argument names of a catalog template, read by the compiler from the English text, so a call
 * like `t('scan.elapsed')` without `{ seconds }` does not compile (issue 13 #5: typed keys and
 * arguments). `{n, plural, one {…} other {…}}` names `n`; the branch texts name nothing.
 */
type ArgNames<S extends string> = S extends `${string}{${infer Inside}}${infer Rest}` ? NameOf<Inside> | ArgNames<Rest> : never
type NameOf<Inside extends string> = Inside extends `${infer Name}, ${string}`
  ? Name
  : Inside extends `${string} ${string}` | `${string}#${string}` | ''
    ? never
    : Inside

/** The arguments `t(key, …)` takes: none, or an object with every name the template uses. */
export type MessageArgsFor<K extends MessageKey> = K extends MessageKey
  ? [ArgNames<(typeof en)[K]>] extends [never]
    ? [vars?: Readonly<Record<string, MessageValue>>]
    : [vars: { readonly [N in ArgNames<(typeof en)[K]>]: MessageValue } & Readonly<Record<string, MessageValue>>]
  : never
