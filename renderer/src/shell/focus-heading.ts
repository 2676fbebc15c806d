/**
 * Moves keyboard and screen-reader focus to a heading, so after a navigation the user starts
 * reading at the new screen's title instead of at the page body (WCAG 2.4.3 focus order). The
 * heading becomes focusable by script only (tabindex -1): it never joins the Tab order.
 */
export function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus()
}

/** About two seconds of animation frames: how long a step may take to appear. */
const WAIT_FRAMES = 120
/** After focusing, how long a re-render that drops focus to the body is corrected. */
const SETTLE_FRAMES = 30

/**
 * Focuses the first heading matching `selector` inside `root` once it exists: a step's code is
 * loaded lazily, so its heading appears a few frames after the navigation, and a part of it that
 * loads later may replace or briefly hide it. So for a short while after, focus that fell back
 * to the page body goes to the (new) heading again; focus the user moved elsewhere is left alone.
 * Gives up after about two seconds. Returns a cancel function. `focus` defaults to `focusHeading`;
 * a control (already focusable) passes `(element) => element.focus()`.
 */
export function focusHeadingWhenShown(root: HTMLElement, selector: string, focus: (element: HTMLElement) => void = focusHeading): () => void {
  let frame = 0
  let waited = 0
  let settled = -1
  const lost = () => document.activeElement === null || document.activeElement === document.body
  const attempt = () => {
    const heading = root.querySelector<HTMLElement>(selector)
    if (settled < 0) {
      if (heading !== null) {
        focus(heading)
        settled = 0
      } else if (waited++ >= WAIT_FRAMES) return
    } else {
      if (heading !== null && lost()) focus(heading)
      if (settled++ >= SETTLE_FRAMES) return
    }
    frame = requestAnimationFrame(attempt)
  }
  attempt()
  return () => cancelAnimationFrame(frame)
}
