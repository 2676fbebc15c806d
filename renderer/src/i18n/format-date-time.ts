import type { Locale } from './i18n'

/**
 * A date and time in the user's format. Text that is not a date (a corrupt journal, a hand-edited
 * snapshot) is shown as it is: Intl throws a RangeError on an invalid Date, which would take the
 * whole step down.
 */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
