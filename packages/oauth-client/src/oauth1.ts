import { createHmac, createSign } from 'node:crypto'
import OAuth from 'oauth-1.0a'
import { OAuthError } from './errors.js'
import type { OAuthEndpoint } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpAnswer } from './http.js'
import type { HttpOptions } from './options.js'

/** How an OAuth 1.0a request is signed. @see https://www.rfc-editor.org/rfc/rfc5849#section-3.4 */
export type OAuth1SignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256' | 'RSA-SHA1' | 'PLAINTEXT'

/**
 * The consumer (the tenant's app at the provider): its key, and its shared secret or, for
 * `RSA-SHA1`, its RSA private key in PEM.
 */
export interface OAuth1Consumer {
  readonly key: string
  readonly secret: string
  readonly signatureMethod: OAuth1SignatureMethod
}

/** A request token or an access token: the token and its secret. */
export interface OAuth1Token {
  readonly token: string
  readonly secret: string
}

/** What is signed: the method, the full URL (its query is signed), and a form body's fields. */
export interface OAuth1Request {
  readonly method: string
  readonly url: string
  /** The fields of an `application/x-www-form-urlencoded` body (RFC 5849 §3.4.1.3.1); other bodies are not signed. */
  readonly form?: Readonly<Record<string, string | readonly string[]>> | undefined
}

/** The signing function for each method; the library percent-encodes and sorts, this computes the digest. */
function hashFunction(consumer: OAuth1Consumer): (base: string, key: string) => string {
  switch (consumer.signatureMethod) {
    case 'HMAC-SHA1':
      return (base, key) => createHmac('sha1', key).update(base).digest('base64')
    case 'HMAC-SHA256':
      return (base, key) => createHmac('sha256', key).update(base).digest('base64')
    case 'RSA-SHA1':
      // RFC 5849 §3.4.3: the consumer's private key signs; the token secret is not used.
      return (base) => createSign('RSA-SHA1').update(base).sign(consumer.secret, 'base64')
    case 'PLAINTEXT':
      return (_base, key) => key
  }
}

const signers = new WeakMap<OAuth1Consumer, OAuth>()

function signerFor(consumer: OAuth1Consumer): OAuth {
  let signer = signers.get(consumer)
  if (signer === undefined) {
    signer = new OAuth({
      consumer: { key: consumer.key, secret: consumer.signatureMethod === 'RSA-SHA1' ? '' : consumer.secret },
      signature_method: consumer.signatureMethod,
      hash_function: hashFunction(consumer)
    })
    signers.set(consumer, signer)
  }
  return signer
}

/**
 * The `Authorization: OAuth …` header value of one request, signed with the consumer and,
 * when given, a token (RFC 5849 §3.5.1). `protocol` adds `oauth_callback` or
 * `oauth_verifier`, which are signed and sent in the header like the rest.
 */
export function signOAuth1(
  request: OAuth1Request,
  consumer: OAuth1Consumer,
  token?: OAuth1Token,
  protocol: Readonly<Record<string, string>> = {}
): string {
  const signer = signerFor(consumer)
  // The query is handed over decoded, as RFC 5849 §3.4.1.3.1 reads it (`+` is a space): the
  // library would take `?q=a+b` literally and sign another value than the server reads.
  const target = new URL(request.url)
  const data: Record<string, string | string[]> = {}
  const add = (name: string, value: string): void => {
    const known = data[name]
    data[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value]
  }
  for (const [name, value] of target.searchParams) add(name, value)
  for (const [name, value] of Object.entries(request.form ?? {}))
    for (const one of typeof value === 'string' ? [value] : value) add(name, one)
  for (const [name, value] of Object.entries(protocol)) add(name, value)
  const signed = signer.authorize(
    { url: `${target.origin}${target.pathname}`, method: request.method.toUpperCase(), data },
    token === undefined ? undefined : { key: token.token, secret: token.secret }
  )
  return signer.toHeader({ ...signed, ...protocol } as OAuth.Authorization).Authorization
}

/** The RFC 5849 problem an error answer names (`oauth_problem=…`), or the status alone. */
function failure(answer: HttpAnswer, endpoint: OAuthEndpoint): OAuthError {
  const problem = new URLSearchParams(answer.text).get('oauth_problem') ?? undefined
  const details = { endpoint, status: answer.status, providerError: problem }
  if (answer.status === 404) return new OAuthError('token_endpoint_not_found', details)
  if (answer.status === 429 || answer.status === 503) {
    const retryAfter = Number(answer.headers['retry-after'])
    return new OAuthError('temporarily_unavailable', {
      ...details,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined
    })
  }
  if (answer.status >= 500) return new OAuthError('server_error', details)
  if (problem === 'permission_denied' || problem === 'user_refused') return new OAuthError('access_denied', details)
  if (problem === 'timestamp_refused' || problem === 'nonce_used' || problem === 'parameter_absent')
    return new OAuthError('invalid_request', details)
  if (/^(token_|verifier_)/.test(problem ?? '') || (problem === undefined && endpoint === 'accessToken'))
    return new OAuthError('invalid_grant', details)
  return new OAuthError('invalid_client', details)
}

/** `oauth_token` and `oauth_token_secret` of a form-encoded token answer, and its other fields. */
function readToken(answer: HttpAnswer, endpoint: OAuthEndpoint): OAuth1Token & { fields: URLSearchParams } {
  if (answer.status !== 200) throw failure(answer, endpoint)
  const fields = new URLSearchParams(answer.text)
  const token = fields.get('oauth_token')
  const secret = fields.get('oauth_token_secret')
  if (token === null || token === '' || secret === null)
    throw new OAuthError('invalid_response', {
      endpoint,
      status: answer.status,
      context: 'no oauth_token and oauth_token_secret in the answer'
    })
  return { token, secret, fields }
}

function withQuery(url: string, params: Readonly<Record<string, string>>): string {
  const target = new URL(url)
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value)
  return target.href
}

async function signedPost(
  endpoint: OAuthEndpoint,
  url: string,
  consumer: OAuth1Consumer,
  token: OAuth1Token | undefined,
  protocol: Readonly<Record<string, string>>,
  options: HttpOptions
): Promise<HttpAnswer> {
  const authorization = signOAuth1({ method: 'POST', url }, consumer, token, protocol)
  return sendToEndpoint({ endpoint, url, method: 'POST', headers: { authorization } }, options)
}

/**
 * Step 1: temporary credentials for `callbackUrl`, with the connector's extra query params.
 * The answer must confirm the callback (`oauth_callback_confirmed=true`, RFC 5849 §2.1).
 * @throws {OAuthError} `invalid_client` when the consumer is refused, or a transport code.
 */
export async function fetchRequestToken(
  url: string,
  consumer: OAuth1Consumer,
  input: { readonly callbackUrl: string; readonly params?: Readonly<Record<string, string>> | undefined },
  options: HttpOptions = {}
): Promise<OAuth1Token> {
  const answer = await signedPost(
    'requestToken',
    withQuery(url, input.params ?? {}),
    consumer,
    undefined,
    { oauth_callback: input.callbackUrl },
    options
  )
  const { token, secret, fields } = readToken(answer, 'requestToken')
  if (fields.get('oauth_callback_confirmed') !== 'true')
    throw new OAuthError('invalid_response', {
      endpoint: 'requestToken',
      status: answer.status,
      context: 'the callback was not confirmed (oauth_callback_confirmed=true): the provider may only speak OAuth 1.0'
    })
  return { token, secret }
}

/** Step 2: where the end customer approves the request token. */
export function oauth1AuthorizeUrl(
  url: string,
  requestToken: string,
  params: Readonly<Record<string, string>> = {}
): string {
  return withQuery(url, { ...params, oauth_token: requestToken })
}

/**
 * Step 3: the access token for an approved request token and its verifier, with the
 * answer's other fields (X's `user_id`, `screen_name`).
 * @throws {OAuthError} `invalid_grant` when the token or verifier is refused, or a transport code.
 */
export async function fetchAccessToken(
  url: string,
  consumer: OAuth1Consumer,
  requestToken: OAuth1Token,
  verifier: string,
  options: HttpOptions = {}
): Promise<OAuth1Token & { readonly extra: Readonly<Record<string, string>> }> {
  const answer = await signedPost('accessToken', url, consumer, requestToken, { oauth_verifier: verifier }, options)
  const { token, secret, fields } = readToken(answer, 'accessToken')
  const extra = Object.fromEntries([...fields].filter(([name]) => !name.startsWith('oauth_')))
  return { token, secret, extra }
}

/**
 * Invalidates an access token with a signed `POST` (X's `oauth/invalidate_token`). A 401
 * means it is already invalid, which is what was wanted.
 * @throws {OAuthError} a retryable code when the provider could not answer.
 */
export async function invalidateOAuth1Token(
  url: string,
  consumer: OAuth1Consumer,
  accessToken: OAuth1Token,
  options: HttpOptions = {}
): Promise<'revoked' | 'already_invalid'> {
  const answer = await signedPost('revoke', url, consumer, accessToken, {}, options)
  if (answer.status >= 200 && answer.status < 300) return 'revoked'
  if (answer.status === 401) return 'already_invalid'
  throw failure(answer, 'revoke')
}
