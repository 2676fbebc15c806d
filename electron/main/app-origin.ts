/** The custom scheme and host the renderer is served from (Electron checklist item 18). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'doctor'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`
