import { OAuthError } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'
import { sanitizeProviderText } from './sanitize-provider-text.js'

/** How a client authenticates at the token endpoint once registered. */
export type RegisteredAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none'

/** What a client asks to be registered as. */
export interface ClientRegistrationRequest {
  /** The authorization server's `registration_endpoint`. */
  readonly registrationUrl: string
  readonly redirectUri: string
  /** Shown to the person approving (`client_name`). */
  readonly clientName: string
  /** @defaultValue `"client_secret_basic"` (a confidential client: the secret never leaves the server) */
  readonly tokenEndpointAuthMethod?: RegisteredAuthMethod | undefined
  /** The scopes the client may ask for, when the server wants them said at registration. */
  readonly scopes?: readonly string[] | undefined
  /** An RFC 7591 initial access token, for servers that allow registration only with one. */
  readonly initialAccessToken?: string | undefined
}

/**
 * A registered client, as the authorization server answered. The secret is a secret: store
 * it encrypted, never log it.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 */
export interface RegisteredClient {
  readonly clientId: string
  /** Absent for a public client (`none`). */
  readonly clientSecret: string | undefined
  /** When the secret stops working; `undefined` when it never does (`client_secret_expires_at` 0 or absent). */
  readonly expiresAt: Date | undefined
  /** The method the server registered, which may differ from the one asked for. */
  readonly tokenEndpointAuthMethod: RegisteredAuthMethod
}

const METHODS: readonly RegisteredAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none']

/**
 * Registers a client at an authorization server (RFC 7591 dynamic client registration):
 * the authorization code and refresh token grants, the one redirect URI, and a
 * confidential client unless asked otherwise. The answer must carry a `client_id`, a
 * secret for any method but `none`, and a method this client can use.
 *
 * @throws {OAuthError} `registration_failed` (refused, or an answer that is not a registration), or a transport error.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 */
export async function registerClient(
  request: ClientRegistrationRequest,
  options: HttpOptions = {}
): Promise<RegisteredClient> {
  const method = request.tokenEndpointAuthMethod ?? 'client_secret_basic'
  const body = {
    client_name: request.clientName,
    redirect_uris: [request.redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: method,
    ...(request.scopes === undefined || request.scopes.length === 0 ? {} : { scope: request.scopes.join(' ') })
  }
  const answer = await sendToEndpoint(
    {
      endpoint: 'registration',
      url: request.registrationUrl,
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(request.initialAccessToken === undefined ? {} : { authorization: `Bearer ${request.initialAccessToken}` })
      },
      body: JSON.stringify(body)
    },
    options
  )
  let parsed: Record<string, unknown> | undefined
  try {
    const value: unknown = JSON.parse(answer.text)
    parsed = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    parsed = undefined
  }
  if (answer.status !== 201 && answer.status !== 200) {
    // RFC 7591 §3.2.2: `error` and `error_description`; neither echoes anything secret.
    const error = typeof parsed?.error === 'string' ? parsed.error : undefined
    const description = typeof parsed?.error_description === 'string' ? parsed.error_description : undefined
    throw new OAuthError(answer.status >= 500 ? 'server_error' : 'registration_failed', {
      endpoint: 'registration',
      status: answer.status,
      providerError: error,
      description,
      context: `HTTP ${answer.status}${error === undefined ? '' : `, ${sanitizeProviderText(error.slice(0, 100))}`}`
    })
  }
  const clientId = parsed?.client_id
  if (typeof clientId !== 'string' || clientId === '')
    throw new OAuthError('registration_failed', { endpoint: 'registration', context: 'the answer has no client_id' })
  const registered = parsed?.token_endpoint_auth_method ?? method
  if (!METHODS.includes(registered as RegisteredAuthMethod))
    throw new OAuthError('registration_failed', {
      endpoint: 'registration',
      context: `it registered token_endpoint_auth_method ${JSON.stringify(String(registered).slice(0, 64))}`
    })
  const secret =
    typeof parsed?.client_secret === 'string' && parsed.client_secret !== '' ? parsed.client_secret : undefined
  if (registered !== 'none' && secret === undefined)
    throw new OAuthError('registration_failed', {
      endpoint: 'registration',
      context: 'the answer has no client_secret for a confidential client'
    })
  const expires = parsed?.client_secret_expires_at
  return {
    clientId,
    clientSecret: registered === 'none' ? undefined : secret,
    expiresAt: typeof expires === 'number' && expires > 0 ? new Date(expires * 1000) : undefined,
    tokenEndpointAuthMethod: registered as RegisteredAuthMethod
  }
}
