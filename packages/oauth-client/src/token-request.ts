import { signClientAssertion, CLIENT_ASSERTION_TYPE } from './client-assertion.js'
import type { ResolvedContext } from './context.js'
import { renderMap, requireUrl } from './context.js'
import type { OAuthEndpoint } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'
import { parseTokenResponse } from './parse-token-response.js'
import type { TokenSet } from './token-set.js'

/** `application/x-www-form-urlencoded` encoding of one value, as RFC 6749 §2.3.1 asks for Basic credentials. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+')
}

/** Client authentication for one request: headers and body params to add. */
export interface ClientAuthentication {
  readonly headers: Record<string, string>
  readonly params: Record<string, string>
}

/**
 * The client authentication of a token, refresh or revoke request: an HTTP Basic header
 * with form-encoded id and secret, both in the body, or a signed client assertion
 * (`private_key_jwt`, audience: the token URL); with `tls_client_auth` only the client id.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export async function clientAuthentication(
  context: ResolvedContext,
  options: HttpOptions = {}
): Promise<ClientAuthentication> {
  const { clientId, clientSecret } = context.client
  // A public client (PKCE only), or one the provider knows by its TLS client certificate
  // (RFC 8705 §2: the certificate is the credential, the body names the client).
  if (clientSecret === undefined || context.auth.clientAuthMethod === 'tls_client_auth')
    return { headers: {}, params: { client_id: clientId } }
  switch (context.auth.clientAuthMethod) {
    case 'client_secret_basic': {
      const credentials = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')
      return { headers: { authorization: `Basic ${credentials}` }, params: {} }
    }
    case 'client_secret_post':
      return { headers: {}, params: { client_id: clientId, client_secret: clientSecret } }
    case 'private_key_jwt': {
      // RFC 7523 §3: the token URL, or what the server names instead (Auth0: its tenant URL).
      const declared = context.auth.clientAssertionAudience
      const audience =
        declared === undefined ? requireUrl(context.endpoints.tokenUrl, 'token URL', context) : context.render(declared)
      const assertion = await signClientAssertion(clientId, clientSecret, audience, (options.now ?? Date.now)())
      return {
        headers: {},
        params: { client_id: clientId, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion }
      }
    }
  }
}

/** Encodes a request body as the connector asks: form (default) or JSON. */
export function encodeBody(
  params: Record<string, string>,
  format: 'form' | 'json'
): { body: string; contentType: string } {
  if (format === 'json') return { body: JSON.stringify(params), contentType: 'application/json' }
  return { body: new URLSearchParams(params).toString(), contentType: 'application/x-www-form-urlencoded' }
}

/** One grant request to the token (or refresh) endpoint. */
export interface GrantRequest {
  readonly endpoint: Extract<OAuthEndpoint, 'token' | 'refresh'>
  readonly url: string
  readonly params: Record<string, string>
  readonly extraParams: Readonly<Record<string, string>>
  readonly extraHeaders: Readonly<Record<string, string>>
  /** Secrets sent in this request, scrubbed from anything the provider echoes. */
  readonly secrets: readonly (string | undefined)[]
  readonly requestedScopes?: readonly string[] | undefined
}

/**
 * Sends a grant request and parses the answer. Order of precedence for params: the
 * connector's extra params, then the protocol's own (which a definition cannot override);
 * for headers: defaults, then the connector's extra headers, then client authentication.
 */
export async function grantRequest(
  context: ResolvedContext,
  request: GrantRequest,
  options: HttpOptions
): Promise<TokenSet> {
  const auth = await clientAuthentication(context, options)
  // RFC 8707 §2.2: the resource is named again, so the token is for it alone.
  const resource: Record<string, string> = context.resource === undefined ? {} : { resource: context.resource }
  const params = { ...renderMap(request.extraParams, context.render), ...request.params, ...resource, ...auth.params }
  const format = context.auth.tokenRequestFormat
  // `query` (ClickUp): the parameters in the URL, no body. Errors name the host alone, so the URL never reaches a message.
  const { body, contentType } =
    format === 'query' ? { body: undefined, contentType: undefined } : encodeBody(params, format)
  const url = format === 'query' ? withQuery(request.url, params) : request.url
  const headers = {
    accept: 'application/json',
    ...(contentType === undefined ? {} : { 'content-type': contentType }),
    ...lowerCaseKeys(renderMap(request.extraHeaders, context.render)),
    ...auth.headers
  }
  const answer = await sendToEndpoint({ endpoint: request.endpoint, url, headers, body }, options)
  return parseTokenResponse(answer, {
    endpoint: request.endpoint,
    accessTokenPath: context.auth.accessTokenPath,
    keepFields: context.auth.keepFields,
    expiry: context.auth.expiry,
    now: (options.now ?? Date.now)(),
    secrets: [...request.secrets, ...clientSecrets(context, auth)],
    requestedScopes: request.requestedScopes
  })
}

/** The client secret, and the Basic credentials or assertion that carry it, as they may be echoed back. */
export function clientSecrets(context: ResolvedContext, auth: ClientAuthentication): (string | undefined)[] {
  return [context.client.clientSecret, auth.headers.authorization?.replace(/^Basic /, ''), auth.params.client_assertion]
}

/** The URL with the parameters added to its query string (beside any it has). */
function withQuery(url: string, params: Record<string, string>): string {
  const target = new URL(url)
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value)
  return target.toString()
}

function lowerCaseKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]))
}
