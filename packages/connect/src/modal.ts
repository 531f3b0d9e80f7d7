import type { WizardWindow } from './wizard-window.js'

/** The dialog's and the iframe's accessible name. */
const LABEL = 'Connect an account'
/** Below this width the dialog takes the whole viewport: a framed box would leave the wizard too narrow. */
const FULL_SCREEN_QUERY = '(max-width: 640px)'

// Every style is set through element.style (the CSSOM), never a style attribute or a <style>
// element, so a host page whose CSP has no 'unsafe-inline' for styles shows the modal as designed.
type Style = Partial<Record<'height' | 'width' | 'borderRadius' | 'boxShadow', string>>
const FRAMED: Style = {
  width: 'min(620px, 100vw)',
  height: 'min(760px, calc(100vh - 2rem))',
  borderRadius: '12px',
  boxShadow: '0 24px 64px rgba(15, 23, 42, 0.35)'
}
const FULL_SCREEN: Style = { width: '100%', height: '100%', borderRadius: '0', boxShadow: 'none' }

/**
 * Shows the wizard in a modal dialog over the page: a backdrop, a dialog with a close button
 * and the wizard's iframe. `onDismiss` is called when the person presses Escape or the close
 * button. While open, the page behind does not scroll and focus stays in the dialog;
 * `remove()` takes everything away and gives focus back to where it was.
 */
export function openModal(url: string, onDismiss: () => void): WizardWindow {
  const previousFocus = document.activeElement
  const root = document.documentElement
  const previousOverflow = { root: root.style.overflow, body: document.body.style.overflow }

  const backdrop = document.createElement('div')
  Object.assign(backdrop.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483647',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: 'rgba(15, 23, 42, 0.6)'
  })

  const dialog = document.createElement('div')
  dialog.setAttribute('role', 'dialog')
  dialog.setAttribute('aria-modal', 'true')
  dialog.setAttribute('aria-label', LABEL)
  // Focusable by script only: it receives focus on open, so Escape works before the wizard has loaded.
  dialog.tabIndex = -1
  Object.assign(dialog.style, { position: 'relative', overflow: 'hidden', background: '#ffffff' })

  const close = document.createElement('button')
  close.type = 'button'
  close.setAttribute('aria-label', 'Close')
  close.textContent = '\u00d7'
  Object.assign(close.style, {
    position: 'absolute',
    top: '8px',
    right: '8px',
    zIndex: '1',
    width: '32px',
    height: '32px',
    padding: '0',
    border: '1px solid #6b7280',
    borderRadius: '50%',
    background: '#ffffff',
    color: '#111827',
    font: '22px/1 system-ui, sans-serif',
    cursor: 'pointer'
  })

  const iframe = document.createElement('iframe')
  iframe.title = LABEL
  iframe.src = url
  Object.assign(iframe.style, { display: 'block', width: '100%', height: '100%', border: '0' })

  // The close button comes first, so Tab goes from the dialog to it and then into the wizard.
  dialog.append(close, iframe)
  backdrop.append(dialog)

  const fullScreen = window.matchMedia(FULL_SCREEN_QUERY)
  const fit = (): void => void Object.assign(dialog.style, fullScreen.matches ? FULL_SCREEN : FRAMED)
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    onDismiss()
  }
  // aria-modal tells assistive technology only; this keeps keyboard focus from reaching the page behind.
  const onFocusin = (event: FocusEvent): void => {
    if (!(event.target instanceof Node) || !backdrop.contains(event.target)) dialog.focus()
  }
  const onCloseClick = (): void => onDismiss()

  fit()
  fullScreen.addEventListener('change', fit)
  // Capture on the window: the page's own Escape handlers must not keep the modal open.
  window.addEventListener('keydown', onKeydown, true)
  document.addEventListener('focusin', onFocusin)
  close.addEventListener('click', onCloseClick)
  root.style.overflow = 'hidden'
  document.body.style.overflow = 'hidden'
  document.body.append(backdrop)
  dialog.focus()

  const remove = (): void => {
    fullScreen.removeEventListener('change', fit)
    window.removeEventListener('keydown', onKeydown, true)
    document.removeEventListener('focusin', onFocusin)
    close.removeEventListener('click', onCloseClick)
    backdrop.remove()
    root.style.overflow = previousOverflow.root
    document.body.style.overflow = previousOverflow.body
    if ((previousFocus instanceof HTMLElement || previousFocus instanceof SVGElement) && previousFocus.isConnected)
      previousFocus.focus()
  }
  // An iframe in a displayed document always has a window; a document without one (DOMParser's) cannot show the wizard.
  const wizard = iframe.contentWindow
  if (wizard === null) {
    remove()
    throw new Error('connect: the wizard iframe has no window: is document.body part of a displayed page?')
  }
  return { window: wizard, remove }
}
