import { renderTemplate, renderUrlTemplate } from '@latchkey/connector-sdk'
import type { ResolvedTokenExchange, TemplateValues } from '@latchkey/connector-sdk'
import { OAuthError } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'
import { parseTokenResponse } from './parse-token-response.js'
import type { TokenSet } from './token-set.js'

/** `a.b.c` keys as nested objects: `{ "a": { "b": { "c": value } } }`. */
function nest(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(flat)) {
    const segments = path.split('.')
    let node = out
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment]
      node = (next !== null && typeof next === 'object' ? next : (node[segment] = {})) as Record<string, unknown>
    }
    node[segments.at(-1) ?? path] = value
  }
  return out
}

function rendered(map: Readonly<Record<string, string>>, values: TemplateValues): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([name, template]) => [name, renderTemplate(template, values)]))
}

/**
 * A token exchange: posts what the end customer typed in (`values.credentials`) to the
 * connector's login URL and reads the session token and its lifetime from the answer.
 * A 400, 401 or 403 means the credentials were refused (`invalid_grant`: the connection
 * must get new ones); the provider's text is never kept, as it may quote them back.
 *
 * @throws {OAuthError} `invalid_grant` for refused credentials, `invalid_response` without a token, or a retryable code.
 */
export async function exchangeCredentials(
  scheme: ResolvedTokenExchange,
  values: TemplateValues,
  options: HttpOptions = {}
): Promise<TokenSet> {
  const { request, response } = scheme
  const fields = rendered(request.body, values)
  const headers: Record<string, string> = { accept: 'application/json' }
  for (const [name, value] of Object.entries(rendered(request.headers, values))) headers[name.toLowerCase()] = value
  let body: string | undefined
  if (request.method !== 'GET') {
    if (request.format === 'form') {
      body = new URLSearchParams(fields).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else {
      body = JSON.stringify(nest(fields))
      headers['content-type'] = 'application/json'
    }
  }
  const answer = await sendToEndpoint(
    { endpoint: 'login', url: renderUrlTemplate(request.url, values), method: request.method, headers, body },
    options
  )
  if (answer.status === 400 || answer.status === 401 || answer.status === 403)
    throw new OAuthError('invalid_grant', { endpoint: 'login', status: answer.status })
  const now = options.now?.() ?? Date.now()
  const tokens = parseTokenResponse(answer, {
    endpoint: 'login',
    accessTokenPath: response.tokenPath,
    expiry: response.expiry,
    now,
    secrets: Object.values(values.credentials ?? {})
  })
  const expiresAt =
    tokens.expiresAt ??
    (response.lifetimeSeconds === undefined ? undefined : new Date(now + response.lifetimeSeconds * 1000))
  // A login answers a session, not an OAuth grant: whatever else it carries is not kept.
  return { ...tokens, expiresAt, refreshToken: undefined, idToken: undefined, scopes: undefined }
}

/**
 * Ends a token exchange's session at its logout URL, the session token already on the
 * request's headers or query. A 2xx, or a 401 or 403 (the session is gone already), is
 * done; a 429 or 5xx is worth trying again; a 404 means the URL is wrong.
 *
 * @throws {OAuthError} `temporarily_unavailable` / `server_error` (retryable), `token_endpoint_not_found`, `invalid_request`.
 */
export async function endSession(
  request: {
    readonly url: string
    readonly method: 'POST' | 'DELETE'
    readonly headers: Readonly<Record<string, string>>
  },
  options: HttpOptions = {}
): Promise<void> {
  const answer = await sendToEndpoint(
    {
      endpoint: 'revoke',
      url: request.url,
      method: request.method,
      headers: { accept: 'application/json', ...request.headers }
    },
    options
  )
  const { status } = answer
  if (status < 300 || status === 401 || status === 403) return
  if (status === 429) throw new OAuthError('temporarily_unavailable', { endpoint: 'revoke', status })
  if (status >= 500) throw new OAuthError('server_error', { endpoint: 'revoke', status })
  throw new OAuthError(status === 404 ? 'token_endpoint_not_found' : 'invalid_request', { endpoint: 'revoke', status })
}
