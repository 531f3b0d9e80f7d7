// The wizard embedded in a builder's page (`@latchkey/connect`): a modal iframe or a popup.
// It talks to the page that embeds it only when that page's origin is one the tenant
// allowed, and only to that exact origin.
import { tabStorage } from './common.js'

/** How the wizard was opened, from its URL fragment (`embed`, `origin`, `connector`). */
export interface EmbedRequest {
  mode: 'modal' | 'popup'
  origin: string
  /** The one connector the builder's page asked to show. */
  connector?: string
}

/** What the wizard tells the embedding page (the `@latchkey/connect` protocol, version 1). */
export type HostMessage =
  | { type: 'ready' }
  | { type: 'connected'; connectionId: string; connector: string }
  | { type: 'error'; code: string; message: string; connector?: string; connectionId?: string }
  | { type: 'close' }

const EMBED_KEY = 'latchkey.embed'

/**
 * The embedding request in this fragment, or the one this tab was opened with (kept in
 * sessionStorage, so a reload inside the frame stays embedded).
 */
export function readEmbedRequest(params: URLSearchParams): EmbedRequest | undefined {
  const mode = params.get('embed')
  const origin = params.get('origin')
  if ((mode === 'modal' || mode === 'popup') && origin !== null) {
    const connector = params.get('connector')
    const request: EmbedRequest = { mode, origin, ...(connector === null ? {} : { connector }) }
    tabStorage.set(EMBED_KEY, JSON.stringify(request))
    return request
  }
  // A new link opened in this tab without embedding is not embedded, whatever came before.
  if (params.has('session')) tabStorage.remove(EMBED_KEY)
  const kept = tabStorage.get(EMBED_KEY)
  return kept === null ? undefined : (JSON.parse(kept) as EmbedRequest)
}

/** The embedding page, once its origin was found among the tenant's allowed ones. */
export class Host {
  private constructor(
    readonly request: EmbedRequest,
    private readonly target: Window
  ) {}

  /**
   * The page to talk to, or why there is none: an origin the tenant did not allow (the
   * wizard then says so and sends nothing), or no window to talk to.
   */
  static open(request: EmbedRequest, allowedOrigins: readonly string[]): Host | string {
    if (!allowedOrigins.includes(request.origin))
      return `This page (${request.origin}) is not allowed to embed the connect wizard. Ask the application to add it to its embedding origins.`
    const target = request.mode === 'modal' ? window.parent : window.opener
    if (target === null || target === window) return 'The page that opened this window is gone.'
    return new Host(request, target as Window)
  }

  get mode(): EmbedRequest['mode'] {
    return this.request.mode
  }

  post(message: HostMessage): void {
    this.target.postMessage({ source: 'latchkey-connect', version: 1, ...message }, this.request.origin)
  }
}
