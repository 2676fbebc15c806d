import { useEffect, useState } from 'react'

/** `Date.now()`, refreshed a few times a second while `active` (elapsed-time labels). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return undefined
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [active])
  return now
}
