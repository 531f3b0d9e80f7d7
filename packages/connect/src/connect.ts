import type { ConnectEvent } from './connect-event.js'
import { openModal } from './modal.js'
import { openPopup } from './popup.js'
import { readWizardMessage } from './wizard-message.js'
import { wizardUrl } from './wizard-url.js'

/** Where {@link connect} shows the wizard: a modal dialog with an iframe over the page, or a popup window. */
export type ConnectMode = 'modal' | 'popup'

/**
 * Options of {@link connect}: exactly one of `url`, or `sessionToken` with `baseUrl`.
 *
 * @see POST /v1/connect-sessions in docs/api.md, which answers `{ token, url, expiresAt }`
 */
export interface ConnectOptions {
  /** The connect session's `url`, as `POST /v1/connect-sessions` answered it. */
  readonly url?: string
  /** The connect session's `token` (`lkcs_…`), with {@link ConnectOptions.baseUrl}. */
  readonly sessionToken?: string
  /** Where Latchkey is, e.g. `https://latchkey.example`; the wizard is its `/connect/`. */
  readonly baseUrl?: string
  /** A connector's key: the wizard opens on that connector. */
  readonly connector?: string
  /** @defaultValue `'modal'` */
  readonly mode?: ConnectMode
  /** Called with every {@link ConnectEvent}, `closed` last. */
  readonly onEvent?: (event: ConnectEvent) => void
}

/** What {@link connect} returns: the open wizard. */
export interface ConnectHandle {
  /** Closes the modal or popup (`closed` is reported); does nothing once closed. */
  close(): void
  /** Whether the wizard has gone away: `true` from the moment `closed` is reported. */
  readonly closed: boolean
}

/**
 * Opens the Latchkey connect wizard for a connect session, in a modal iframe over the page
 * (the default) or in a popup, and reports what happens to `onEvent`: `ready`, `connected`,
 * `error`, and `closed` exactly once, last.
 *
 * The wizard learns the page's origin from its URL fragment and posts to that origin only; a
 * message is read only when it comes from the wizard's origin, from the wizard's own window,
 * and has the protocol's shape. Events are reported asynchronously, after `connect` returns.
 *
 * @throws TypeError naming the option at fault, before anything is opened.
 * @example
 * const { url } = await (await fetch('/api/latchkey-session', { method: 'POST' })).json()
 * connect({ url, onEvent: (event) => event.type === 'connected' && save(event.connectionId) })
 */
export function connect(options: ConnectOptions): ConnectHandle {
  const url = wizardUrl(options, window.location.origin)
  const { mode = 'modal', onEvent } = options
  let closed = false

  const report = (event: ConnectEvent): void => {
    try {
      onEvent?.(event)
    } catch (error) {
      // A throwing callback is the host's bug to see in its console; it must not leave the modal half removed.
      reportError(error)
    }
  }
  const wizard = mode === 'popup' ? openPopup(url.href, () => finish()) : openModal(url.href, () => finish())
  const onMessage = (event: MessageEvent): void => {
    if (wizard === undefined || event.origin !== url.origin || event.source !== wizard.window) return
    const message = readWizardMessage(event.data)
    if (message === undefined) return
    if (message.type === 'close') finish()
    else report(message)
  }
  const finish = (): void => {
    if (closed) return
    closed = true
    window.removeEventListener('message', onMessage)
    wizard?.remove()
    report({ type: 'closed' })
  }
  // Listening only now misses nothing: a message is delivered in a later task than this one.
  window.addEventListener('message', onMessage)
  if (wizard === undefined) {
    // Reported after returning, like every event, so the caller holds the handle when it hears of it.
    queueMicrotask(() => {
      if (closed) return
      report({
        type: 'error',
        code: 'popup_blocked',
        message: 'The browser blocked the popup: allow popups for this site, or call connect from a click.'
      })
      finish()
    })
  }
  return {
    close: finish,
    get closed() {
      return closed
    }
  }
}
