/**
 * What {@link connect} reports to `onEvent`, in the order it happens.
 *
 * - `ready`: the wizard loaded the connect session.
 * - `connected`: the person connected an account; `connectionId` is the new connection's id
 *   (what the builder's backend calls the API with), `connector` the connector's key.
 * - `error`: something the person could not get past, with the wizard's `code` and a sentence
 *   in `message`. `popup_blocked` (from this package) means the browser refused to open the popup.
 * - `closed`: the modal or popup went away, whatever the reason; always the last event, exactly once.
 */
export type ConnectEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'connected'; readonly connectionId: string; readonly connector: string }
  | {
      readonly type: 'error'
      readonly code: string
      readonly message: string
      readonly connector?: string
      readonly connectionId?: string
    }
  | { readonly type: 'closed' }
