import { createHmac, createVerify, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readText, sendJson } from './http-helpers.js'

/** The signature methods of RFC 5849 §3.4, plus HMAC-SHA256 as providers added it. */
export type OAuth1Method = 'HMAC-SHA1' | 'HMAC-SHA256' | 'RSA-SHA1' | 'PLAINTEXT'

/** Behaviours switchable at run time. */
export interface OAuth1Modes {
  /** The authorize page declines: redirects with `denied=<token>` and no verifier (as X does). */
  deny: boolean
  /** Methods accepted. @defaultValue every method */
  signatureMethods: OAuth1Method[]
  /** Extra fields of the access-token answer (X's `user_id`, `screen_name`). */
  accessTokenExtras: Record<string, string>
  /** The request-token answer leaves out `oauth_callback_confirmed` (an OAuth 1.0 provider). */
  omitCallbackConfirmed: boolean
  /** The next N invalidations answer 503. */
  invalidateFailNext: number
}

/** What the server saw. */
export interface OAuth1Counters {
  requestTokens: number
  accessTokens: number
  apiCalls: number
  invalidations: number
  /** The query of the last authorize page opened (Trello's `name`, `scope`, `expiration`). */
  lastAuthorizeParams: Record<string, string>
  /** The query of the last request-token call, `oauth_*` left out. */
  lastRequestTokenParams: Record<string, string>
  lastSignatureMethod: string | undefined
  /** Why requests were refused, in order. */
  rejected: string[]
}

export interface OAuth1Server {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly endpoints: {
    readonly requestToken: string
    readonly authorize: string
    readonly accessToken: string
    readonly invalidateToken: string
    /** The API's base URL: `GET /me` (or `/users/me`), any method on `/echo`. */
    readonly api: string
  }
  readonly modes: OAuth1Modes
  readonly counters: OAuth1Counters
  /** Access tokens currently valid. */
  readonly liveAccessTokens: () => string[]
  /** Revokes an access token at the provider (the end customer removed the app in their settings). */
  revoke(token: string): void
  close(): Promise<void>
}

export interface OAuth1ServerOptions {
  readonly consumerKey: string
  /** The shared secret of HMAC and PLAINTEXT signatures. */
  readonly consumerSecret: string
  /** The consumer's RSA public key (PEM), for RSA-SHA1. */
  readonly rsaPublicKey?: string
}

/** RFC 5849 §3.6 percent-encoding: everything but unreserved characters. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * The signature base string of RFC 5849 §3.4.1: the method, the base string URI (lower-case
 * scheme and host, default port left out, no query) and the normalized parameters (encoded,
 * sorted by name then value, `oauth_signature` left out).
 */
export function signatureBaseString(
  method: string,
  url: URL,
  parameters: readonly (readonly [string, string])[]
): string {
  const defaultPort =
    (url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')
  const base = `${url.protocol.toLowerCase()}//${url.hostname.toLowerCase()}${url.port === '' || defaultPort ? '' : `:${url.port}`}${url.pathname}`
  const normalized = parameters
    .filter(([name]) => name !== 'oauth_signature')
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  return [method.toUpperCase(), percentEncode(base), percentEncode(normalized)].join('&')
}

/** The params of an `Authorization: OAuth …` header (RFC 5849 §3.5.1), `realm` left out. */
function headerParams(header: string | undefined): [string, string][] {
  if (header === undefined || !/^OAuth\s/i.test(header)) return []
  const out: [string, string][] = []
  for (const match of header.slice(6).matchAll(/([A-Za-z0-9_.~-]+)="([^"]*)"/g)) {
    const [, name = '', value = ''] = match
    if (name !== 'realm') out.push([decodeURIComponent(name), decodeURIComponent(value)])
  }
  return out
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function sendForm(res: ServerResponse, status: number, fields: Record<string, string>): void {
  res
    .writeHead(status, { 'content-type': 'application/x-www-form-urlencoded' })
    .end(new URLSearchParams(fields).toString())
}

interface Issued {
  readonly secret: string
  callback?: string
  verifier?: string
  approved?: boolean
}

/**
 * A loopback OAuth 1.0a provider (RFC 5849), checking every signature on its own, with
 * node:crypto alone: the product signs with a library, this checks it independently.
 * Request token (`POST /oauth/request_token`, `oauth_callback` required), authorize page
 * (`GET /oauth/authorize`, approves at once, or declines in `deny` mode), access token
 * (`POST /oauth/access_token` with the verifier, single use), invalidation
 * (`POST /oauth/invalidate_token`, as X's) and an API under `/api`. Timestamps must be
 * within 300 s and nonces are single use. Refusals answer `oauth_problem=…` (token
 * endpoints) or a JSON error (API) with 401.
 */
export async function startOAuth1Server(options: OAuth1ServerOptions): Promise<OAuth1Server> {
  const modes: OAuth1Modes = {
    deny: false,
    signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'PLAINTEXT'],
    accessTokenExtras: {},
    omitCallbackConfirmed: false,
    invalidateFailNext: 0
  }
  const counters: OAuth1Counters = {
    requestTokens: 0,
    accessTokens: 0,
    apiCalls: 0,
    invalidations: 0,
    lastAuthorizeParams: {},
    lastRequestTokenParams: {},
    lastSignatureMethod: undefined,
    rejected: []
  }
  const requestTokens = new Map<string, Issued>()
  const accessTokens = new Map<string, { secret: string }>()
  const nonces = new Set<string>()
  let base = ''

  /** Checks a request's signature; returns its OAuth params, or the problem. */
  const verify = async (
    req: IncomingMessage,
    body: string,
    secretOf: (token: string | undefined) => string | undefined
  ): Promise<{ params: Map<string, string> } | { problem: string }> => {
    const url = new URL(req.url ?? '/', base)
    const all: [string, string][] = [...url.searchParams]
    if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      all.push(...new URLSearchParams(body))
    all.push(...headerParams(req.headers.authorization))
    const params = new Map(all.filter(([name]) => name.startsWith('oauth_')))
    const method = params.get('oauth_signature_method') as OAuth1Method | undefined
    if (params.get('oauth_consumer_key') !== options.consumerKey) return { problem: 'consumer_key_unknown' }
    if (method === undefined || !modes.signatureMethods.includes(method))
      return { problem: 'signature_method_rejected' }
    if (params.has('oauth_version') && params.get('oauth_version') !== '1.0') return { problem: 'version_rejected' }
    const token = params.get('oauth_token')
    const tokenSecret = secretOf(token)
    if (tokenSecret === undefined) return { problem: 'token_rejected' }
    const signature = params.get('oauth_signature') ?? ''
    const key = `${percentEncode(options.consumerSecret)}&${percentEncode(tokenSecret)}`
    const baseString = signatureBaseString(req.method ?? 'GET', url, all)
    let valid: boolean
    if (method === 'PLAINTEXT') valid = equal(signature, key)
    else if (method === 'RSA-SHA1')
      valid =
        options.rsaPublicKey !== undefined &&
        createVerify('RSA-SHA1').update(baseString).verify(options.rsaPublicKey, signature, 'base64')
    else
      valid = equal(
        signature,
        createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', key)
          .update(baseString)
          .digest('base64')
      )
    if (!valid) return { problem: 'signature_invalid' }
    if (method !== 'PLAINTEXT') {
      const timestamp = Number(params.get('oauth_timestamp'))
      if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300)
        return { problem: 'timestamp_refused' }
      const nonce = `${timestamp}:${params.get('oauth_nonce') ?? ''}:${token ?? ''}`
      if (nonces.has(nonce)) return { problem: 'nonce_used' }
      nonces.add(nonce)
    }
    counters.lastSignatureMethod = method
    return { params }
  }

  const refuse = (res: ServerResponse, problem: string, json: boolean): void => {
    counters.rejected.push(problem)
    if (json) sendJson(res, 401, { errors: [{ message: problem }] }, { 'www-authenticate': 'OAuth realm="api"' })
    else sendForm(res, 401, { oauth_problem: problem })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base)
    const body = await readText(req)
    if (req.method === 'POST' && url.pathname === '/oauth/request_token') {
      const checked = await verify(req, body, (token) => (token === undefined ? '' : undefined))
      if ('problem' in checked) return refuse(res, checked.problem, false)
      const callback = checked.params.get('oauth_callback')
      if (callback === undefined) return refuse(res, 'parameter_absent', false)
      const token = randomBytes(12).toString('hex')
      requestTokens.set(token, { secret: randomBytes(12).toString('hex'), callback })
      counters.requestTokens += 1
      counters.lastRequestTokenParams = Object.fromEntries(
        [...url.searchParams].filter(([name]) => !name.startsWith('oauth_'))
      )
      return sendForm(res, 200, {
        oauth_token: token,
        oauth_token_secret: requestTokens.get(token)?.secret ?? '',
        ...(modes.omitCallbackConfirmed ? {} : { oauth_callback_confirmed: 'true' })
      })
    }
    if (req.method === 'GET' && url.pathname === '/oauth/authorize') {
      const token = url.searchParams.get('oauth_token') ?? ''
      const issued = requestTokens.get(token)
      counters.lastAuthorizeParams = Object.fromEntries(url.searchParams)
      if (issued?.callback === undefined) {
        res.writeHead(400, { 'content-type': 'text/html' }).end('<p>This request token is not valid.</p>')
        return
      }
      const back = new URL(issued.callback)
      if (modes.deny) back.searchParams.set('denied', token)
      else {
        issued.verifier = randomBytes(8).toString('hex')
        issued.approved = true
        back.searchParams.set('oauth_token', token)
        back.searchParams.set('oauth_verifier', issued.verifier)
      }
      res.writeHead(302, { location: back.href }).end()
      return
    }
    if (req.method === 'POST' && url.pathname === '/oauth/access_token') {
      const checked = await verify(req, body, (token) =>
        token === undefined ? undefined : requestTokens.get(token)?.secret
      )
      if ('problem' in checked) return refuse(res, checked.problem, false)
      const requestToken = checked.params.get('oauth_token') ?? ''
      const issued = requestTokens.get(requestToken)
      if (issued?.approved !== true || issued.verifier !== checked.params.get('oauth_verifier'))
        return refuse(res, 'verifier_invalid', false)
      requestTokens.delete(requestToken)
      const token = randomBytes(16).toString('hex')
      const secret = randomBytes(16).toString('hex')
      accessTokens.set(token, { secret })
      counters.accessTokens += 1
      return sendForm(res, 200, { oauth_token: token, oauth_token_secret: secret, ...modes.accessTokenExtras })
    }
    const accessSecret = (token: string | undefined): string | undefined =>
      token === undefined ? undefined : accessTokens.get(token)?.secret
    if (req.method === 'POST' && url.pathname === '/oauth/invalidate_token') {
      if (modes.invalidateFailNext > 0) {
        modes.invalidateFailNext -= 1
        return sendJson(res, 503, { errors: [{ message: 'Over capacity' }] })
      }
      const checked = await verify(req, body, accessSecret)
      if ('problem' in checked) return refuse(res, checked.problem, true)
      const token = checked.params.get('oauth_token') ?? ''
      accessTokens.delete(token)
      counters.invalidations += 1
      return sendJson(res, 200, { access_token: token })
    }
    if (url.pathname.startsWith('/api/')) {
      const checked = await verify(req, body, accessSecret)
      if ('problem' in checked) return refuse(res, checked.problem, true)
      counters.apiCalls += 1
      // X's "who am I" is /2/users/me; /me is the short form.
      if (url.pathname === '/api/me' || url.pathname === '/api/users/me')
        return sendJson(res, 200, { data: { id: '2244994945', username: 'acme_dev' } })
      if (url.pathname === '/api/echo')
        return sendJson(res, 200, {
          method: req.method,
          query: Object.fromEntries([...url.searchParams].filter(([name]) => !name.startsWith('oauth_'))),
          form: (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
            ? Object.fromEntries(new URLSearchParams(body))
            : null,
          signatureMethod: checked.params.get('oauth_signature_method')
        })
    }
    sendJson(res, 404, { errors: [{ message: 'Not found' }] })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: String(error) }] })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    endpoints: {
      requestToken: `${base}/oauth/request_token`,
      authorize: `${base}/oauth/authorize`,
      accessToken: `${base}/oauth/access_token`,
      invalidateToken: `${base}/oauth/invalidate_token`,
      api: `${base}/api`
    },
    modes,
    counters,
    liveAccessTokens: () => [...accessTokens.keys()],
    revoke: (token) => {
      accessTokens.delete(token)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
