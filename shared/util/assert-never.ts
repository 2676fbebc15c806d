/** Compile-time exhaustiveness check for discriminated unions (GitHub Desktop's "types are good"). */
export function assertNever(value: never, context = 'value'): never {
  throw new Error(`Unexpected ${context}: ${JSON.stringify(value)}`)
}
