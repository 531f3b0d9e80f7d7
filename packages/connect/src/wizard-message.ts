import type { ConnectEvent } from './connect-event.js'

/**
 * A message the wizard posts to the page that embeds it: every {@link ConnectEvent} but
 * `closed`, which this package reports itself, plus `close` (the person chose Done or Close
 * inside the wizard, so the host must close it).
 */
export type WizardMessage = Exclude<ConnectEvent, { type: 'closed' }> | { readonly type: 'close' }

/** Every wizard message carries this `source`, which tells it from other postMessage traffic on the page. */
export const MESSAGE_SOURCE = 'latchkey-connect'
/** The version of the message protocol this package speaks. */
export const MESSAGE_VERSION = 1

/**
 * Reads the `data` of a `message` event as a wizard message:
 * `{ source: 'latchkey-connect', version: 1, type, ...fields }` with a known `type` and fields
 * of the right types. Anything else is not a wizard message, and the answer is `undefined`.
 * The result is a fresh object with the protocol's fields only, so nothing else the sender
 * added reaches the host's callback.
 */
export function readWizardMessage(data: unknown): WizardMessage | undefined {
  if (!isRecord(data) || data.source !== MESSAGE_SOURCE || data.version !== MESSAGE_VERSION) return undefined
  switch (data.type) {
    case 'ready':
      return { type: 'ready' }
    case 'close':
      return { type: 'close' }
    case 'connected': {
      const { connectionId, connector } = data
      if (typeof connectionId !== 'string' || typeof connector !== 'string') return undefined
      return { type: 'connected', connectionId, connector }
    }
    case 'error': {
      const { code, message, connector, connectionId } = data
      if (typeof code !== 'string' || typeof message !== 'string') return undefined
      if (!isOptionalString(connector) || !isOptionalString(connectionId)) return undefined
      return {
        type: 'error',
        code,
        message,
        ...(connector === undefined ? {} : { connector }),
        ...(connectionId === undefined ? {} : { connectionId })
      }
    }
    default:
      return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string'
}
