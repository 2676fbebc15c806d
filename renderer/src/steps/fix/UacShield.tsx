/**
 * The User Account Control shield Windows puts on buttons and labels whose action needs
 * administrator rights (the four-colour shield). Decorative: the text beside it says the same.
 */
export function UacShield() {
  return (
    <svg className="uac-shield" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M8 1 2 3v4.5C2 11 4.6 13.9 8 15V8H2" fill="#2f6ed3" />
      <path d="M8 1v7h6V3L8 1Z" fill="#f4b400" />
      <path d="M8 8v7c3.4-1.1 6-4 6-7H8Z" fill="#2f6ed3" />
      <path d="M2 8c0 3 2.6 5.9 6 7V8H2Z" fill="#f4b400" />
    </svg>
  )
}
