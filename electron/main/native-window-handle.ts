/**
 * The decimal token the UAC launcher takes as its prompt's owner window (elevation/scripts.ts):
 * `BrowserWindow.getNativeWindowHandle()` gives the HWND as a Buffer holding a pointer-size
 * little-endian integer (8 bytes in a 64-bit process, 4 in a 32-bit one). Null for anything else
 * or a zero handle: then the prompt simply has no owner.
 */
export function windowHandleToken(handle: Buffer): string | null {
  let value: bigint
  if (handle.length === 8) value = handle.readBigUInt64LE(0)
  else if (handle.length === 4) value = BigInt(handle.readUInt32LE(0))
  else return null
  // IntPtr is signed: a value above 2^63 - 1 cannot be a user-mode HWND.
  if (value === 0n || value > 2n ** 63n - 1n) return null
  return value.toString(10)
}
