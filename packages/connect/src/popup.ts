import type { WizardWindow } from './wizard-window.js'

/** How often a popup is checked for having been closed by the person: browsers send no event for it. */
const CLOSED_POLL_MS = 500
const WIDTH_PX = 620
const HEIGHT_PX = 760

/**
 * Opens the wizard in a popup centred over the page, and calls `onDismiss` when the person
 * closes it. The answer is `undefined` when the browser blocked the popup.
 *
 * The popup keeps its `opener` (no `noopener`): the wizard posts its messages to it.
 */
export function openPopup(url: string, onDismiss: () => void): WizardWindow | undefined {
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - WIDTH_PX) / 2))
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - HEIGHT_PX) / 2))
  const popup = window.open(url, '_blank', `popup,width=${WIDTH_PX},height=${HEIGHT_PX},left=${left},top=${top}`)
  if (popup === null) return undefined

  const poll = window.setInterval(() => {
    if (popup.closed) onDismiss()
  }, CLOSED_POLL_MS)
  return {
    window: popup,
    remove() {
      window.clearInterval(poll)
      if (!popup.closed) popup.close()
    }
  }
}
