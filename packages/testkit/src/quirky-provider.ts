import { createHash, createVerify, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { escapeHtml, readForm, readText, sendHtml, sendJson } from './http-helpers.js'
import { pageOf } from './paged-collection.js'
import type { PagedCollection } from './paged-collection.js'

/**
 * The non-standard behaviours real providers have, switchable at run time. Defaults
 * describe a well-behaved RFC 6749 provider.
 */
export interface QuirkyModes {
  /**
   * How token answers are encoded. `form-unless-json`: form-encoded unless the request
   * says `Accept: application/json` (GitHub).
   */
  answerFormat: 'json' | 'form' | 'form-unless-json'
  /** Errors are sent with status 200: `{"ok":false,"error":...}` in JSON, `error=...` in form (Slack, GitHub). */
  errorsIn200: boolean
  /** Delimiter of the granted `scope` field. */
  scopeDelimiter: ' ' | ','
  /** The scope a client credentials answer grants instead of what was asked (providers that narrow or widen it). */
  clientCredentialsScope: string | undefined
  /**
   * Incremental authorization (Google's `include_granted_scopes`): an authorize request with
   * this param set to `true` grants the scopes asked plus every scope granted before (the
   * emulator has one end user).
   */
  incrementalParam: string | undefined
  /** Slack v2: a bot token at the top level, the user's token in `authed_user.access_token`. */
  nestedToken: boolean
  /** Adds `instance_url` (this provider's `/instance` API) to token answers (Salesforce). */
  instanceUrl: boolean
  /** Extra query params on the callback (QuickBooks' `realmId`). */
  callbackParams: Record<string, string>
  /**
   * Send the browser back with a POST of an auto-submitting form instead of a redirect
   * (OAuth 2.0 Form Post Response Mode, Copper's way): the callback parameters in the body.
   */
  formPost: boolean
  /**
   * How the lifetime is sent: `expires_in` as a number or string of seconds, absent,
   * `milliseconds` (`expires_in` in ms), or `absolute` (`expires_at` as ISO-8601, no `expires_in`).
   */
  expiresIn: 'number' | 'string' | 'absent' | 'milliseconds' | 'absolute'
  accessTokenTtlSeconds: number
  /** `token_type` as sent. */
  tokenType: string
  /** Refresh answers carry a refresh token. */
  refreshReturnsRefreshToken: boolean
  /** Each refresh issues a new refresh token; reusing an old one kills the whole grant. */
  rotateRefreshTokens: boolean
  /** Milliseconds to wait before answering token, refresh and revoke requests. */
  delayMs: number
  /** The next N token/refresh requests answer `failStatus`. */
  failNext: number
  failStatus: number
  /** `Retry-After` seconds sent with failures. */
  retryAfterSeconds: number | undefined
  /** Token answers are an HTML page instead of JSON. */
  garbage: boolean
  /** Token answers are this many bytes of JSON padding (0: off). */
  oversizedBytes: number
  /** Which client authentication the token endpoint accepts. */
  clientAuth: 'client_secret_basic' | 'client_secret_post' | 'any'
  /** Which the revoke endpoint accepts (`undefined`: as the token endpoint; GitHub: Basic only there). */
  revokeClientAuth: 'client_secret_basic' | 'client_secret_post' | 'client_header' | 'any' | undefined
  /** Token requests must have a JSON body (Notion). */
  requireJsonBody: boolean
  /** Token requests carry their parameters in the URL's query string, with no body (ClickUp). */
  queryTokenRequests: boolean
  /** The next N revocations answer 503. */
  revokeFailNext: number
  /** The authorize endpoint denies (`error=access_denied`). */
  deny: boolean
  /** `iss` on the callback: `true` for this provider's issuer, a string to impersonate another. */
  issuer: boolean | string
  /** Error descriptions quote the request's secrets back (a careless provider). */
  echoSecretsInErrors: boolean
  /** The next N API calls answer `apiFailStatus` (with `retryAfterSeconds` when set). */
  apiFailNext: number
  apiFailStatus: number
  /** Every API call answers 401, whatever the token (an app whose access was withdrawn). */
  apiRefusesAll: boolean
  /**
   * How the API says a credential is refused: `401`, Slack's `200 {"ok":false,"error":"invalid_auth"}`,
   * or WeChat's `200 {"errcode":40001}`.
   */
  apiAuthErrorStyle: '401' | 'slack' | 'wechat'
  /** Rate-limited API answers carry `x-ratelimit-reset` (epoch seconds, one second ahead) instead of `Retry-After`. */
  rateLimitReset: boolean
  /** How the revoke endpoint wants to be called: RFC 7009 (client authentication) or with the token as a bearer credential. */
  revokeAuth: 'client' | 'bearer'
  /**
   * Body the revoke endpoint insists on (`any`: form, JSON or none; `query`: the token in the
   * query string, Zoho's way, where an unknown token is refused with a 400 rather than
   * RFC 7009's 200).
   */
  revokeFormat: 'form' | 'json' | 'query' | 'any'
  /** The `issuer` its metadata claims (`undefined`: its own). */
  metadataIssuer: string | undefined
  /** Code exchanges answer a refresh token (Slack without token rotation, GitHub OAuth apps and Notion do not). */
  issueRefreshTokens: boolean
  /** The authorize endpoint refuses requests without a PKCE `code_challenge` (Airtable). */
  requirePkce: boolean
  /** Header carrying the reset time of rate-limited API answers when `rateLimitReset` is on (GitLab: `ratelimit-reset`). */
  rateLimitResetHeader: string
  /** A header the API reads the access token from instead of `Authorization: Bearer` (Shopify: `X-Shopify-Access-Token`). */
  apiTokenHeader: string | undefined
  /** Fields added to every token answer (Dropbox's `account_id`, Notion's `workspace_id`). */
  extraTokenFields: Record<string, unknown>
  /** The `scope` of token answers exactly as sent, instead of the granted scopes (e.g. one holding U+0000). */
  tokenScope: string | undefined
  /**
   * The accounts the `account_credentials` grant (Zoom's Server-to-Server OAuth) issues
   * tokens for: the client authenticates and names one as `account_id`; any other is refused.
   */
  accountIds: readonly string[]
  /**
   * Top-level token answer fields sent twice, a decoy value first and the real one last, in
   * the JSON text or the form body (an answer where "last wins" decides which token counts).
   */
  duplicateTokenFields: string[]
  /** The `error_description` of a denial. */
  denyDescription: string
  /** Params appended to the callback after all others, so a name may repeat (a second `iss`). */
  callbackAppendParams: [string, string][]
  /** The metadata advertises `authorization_response_iss_parameter_supported: true` (RFC 9207). */
  metadataIssParameterSupported: boolean
  /** The metadata's `code_challenge_methods_supported` (`undefined`: left out). */
  metadataCodeChallengeMethods: string[] | undefined
  /**
   * The credentials the API insists on, exactly where a real API documents them (PagerDuty's
   * `Authorization: Token token=…`, Datadog's two key headers, Mandrill's `key` in the JSON
   * body): every one must be there with this value, or the call is refused as unauthenticated.
   * `undefined`: any key added with `addApiKey`, a Bearer token or a basic user.
   */
  apiCredentials: { in: 'header' | 'query' | 'body'; name: string; value: string }[] | undefined
  /**
   * A login endpoint at `POST /login` (a token exchange): the request must carry every
   * `expects` entry (a header, or a body field by dot path in a JSON or form body), and the
   * answer is `answer(token, expiresAt)`; the token is then accepted as a Bearer token on
   * the API until `ttlSeconds` pass. Anything else answers 401. Counted as `tokenRequests.login`.
   */
  login:
    | {
        expects: { in: 'header' | 'body'; name: string; value: string }[]
        answer: (token: string, expiresAt: Date) => unknown
        ttlSeconds: number
      }
    | undefined
}

const DEFAULT_MODES: QuirkyModes = {
  answerFormat: 'json',
  errorsIn200: false,
  scopeDelimiter: ' ',
  clientCredentialsScope: undefined,
  incrementalParam: undefined,
  nestedToken: false,
  instanceUrl: false,
  callbackParams: {},
  formPost: false,
  expiresIn: 'number',
  accessTokenTtlSeconds: 3600,
  tokenType: 'Bearer',
  refreshReturnsRefreshToken: true,
  rotateRefreshTokens: false,
  delayMs: 0,
  failNext: 0,
  failStatus: 503,
  retryAfterSeconds: undefined,
  garbage: false,
  oversizedBytes: 0,
  clientAuth: 'any',
  revokeClientAuth: undefined,
  requireJsonBody: false,
  queryTokenRequests: false,
  revokeFailNext: 0,
  deny: false,
  issuer: false,
  echoSecretsInErrors: false,
  apiFailNext: 0,
  apiFailStatus: 503,
  apiRefusesAll: false,
  apiAuthErrorStyle: '401',
  rateLimitReset: false,
  revokeAuth: 'client',
  revokeFormat: 'any',
  metadataIssuer: undefined,
  issueRefreshTokens: true,
  requirePkce: false,
  rateLimitResetHeader: 'x-ratelimit-reset',
  apiTokenHeader: undefined,
  extraTokenFields: {},
  tokenScope: undefined,
  accountIds: [],
  duplicateTokenFields: [],
  denyDescription: 'The user denied access',
  callbackAppendParams: [],
  metadataIssParameterSupported: false,
  metadataCodeChallengeMethods: undefined,
  apiCredentials: undefined,
  login: undefined
}

/** Options of {@link startQuirkyProvider}. */
export interface QuirkyProviderOptions {
  readonly clientId: string
  readonly clientSecret: string
  readonly modes?: Partial<QuirkyModes>
  /** @defaultValue `0` (a free port) */
  readonly port?: number
}

/** How one revocation request was made. */
export interface RevocationRecord {
  readonly method: string
  readonly contentType: string
  readonly authorization: 'basic' | 'bearer' | 'client' | 'none'
  readonly token: 'refresh' | 'access' | 'unknown'
}

/** What the provider was asked, for assertions. */
export interface QuirkyCounters {
  authorizations: number
  /** Token requests by `grant_type`. */
  readonly tokenRequests: Record<string, number>
  revocations: number
  /** Sessions ended at `/logout` (a token exchange's logout URL). */
  logouts: number
  apiCalls: number
  /** How the last revocation was asked for. */
  lastRevocation: RevocationRecord | undefined
  /** Every revocation request, oldest first. */
  readonly revocationLog: RevocationRecord[]
  /** How the last API call authenticated. */
  lastApiAuth: 'bearer' | 'api_key' | 'basic' | 'query' | 'header' | 'declared' | undefined
  /** The claims of the last JWT bearer assertion accepted. */
  lastAssertion: Record<string, unknown> | undefined
  /** The `account_id` of the last `account_credentials` token issued. */
  lastAccountId: string | undefined
  /** The headers of the last API request, as received (lower-case names). */
  lastApiHeaders: Readonly<Record<string, string | string[] | undefined>> | undefined
  /** The query of the last authorize request. */
  lastAuthorize: Record<string, string> | undefined
  /** Sites requests arrived for, in order: `/sites/{site}/…` stands for a per-customer host (`{site}.zendesk.com`). */
  readonly sites: string[]
  /** Token requests being answered right now, and the most there ever were at once. */
  concurrentTokenRequests: number
  maxConcurrentTokenRequests: number
}

/** A running quirky provider. */
export interface QuirkyProvider {
  readonly url: string
  readonly issuer: string
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly revokeUrl: string
  /** Protected API base; any path below answers `{ ok, method, path, query, scope }` for a valid token. */
  readonly apiBaseUrl: string
  readonly counters: QuirkyCounters
  /** The current modes (mutable through {@link QuirkyProvider.setModes}). */
  readonly modes: Readonly<QuirkyModes>
  setModes(modes: Partial<QuirkyModes>): void
  /** Makes every issued access token expired now. */
  expireAccessTokens(): void
  /** Issues a refresh token directly, as if a connect had happened (benchmarks create thousands). */
  mintRefreshToken(scope?: string): string
  /** The refresh tokens issued, oldest first. */
  readonly issuedRefreshTokens: readonly string[]
  /** Accepts an API key on the API: as `Authorization: <scheme> <key>`, `X-Api-Key`, or `?api_key=`. */
  addApiKey(key: string): void
  /** Accepts HTTP Basic credentials on the API (an empty password allowed). */
  addBasicUser(username: string, password: string): void
  /** Accepts JWT bearer assertions from this issuer signed by the key (an SPKI PEM). */
  addAssertionKey(issuer: string, publicKeyPem: string): void
  /**
   * Answers a path (a full path such as `/api/user`, without the query; outside `/api` too, like
   * Atlassian's `/oauth/token/accessible-resources`) with this JSON for any valid credential,
   * the way the provider documents that endpoint.
   */
  setApiAnswer(path: string, body: unknown): void
  /** Serves a path (a full path such as `/api/folders/0/items`) as a list in pages, the way that API pages. */
  setPagedAnswer(path: string, collection: PagedCollection): void
  /** The requests a paged path received, oldest first: method, query and JSON body. */
  readonly pagedRequests: { path: string; method: string; query: Record<string, string>; body: unknown }[]
  close(): Promise<void>
}

interface CodeGrant {
  clientId: string
  redirectUri: string
  scope: string
  challenge: string | undefined
  used: boolean
}

interface AccessGrant {
  family: string
  scope: string
  expiresAt: number
}

interface RefreshGrant {
  family: string
  scope: string
  used: boolean
}

const token = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts an emulator of what real providers do beyond RFC 6749, on 127.0.0.1: form
 * answers, errors in 200s, comma scopes, nested tokens, extra token fields, callback
 * params, missing `expires_in`, refresh answers without refresh tokens, rotating refresh
 * tokens that die when reused, slowness, 5xx, garbage, oversized bodies, repeated token
 * fields and callback params, odd scope and error texts, RFC 8414 metadata with or without
 * RFC 9207 `iss` support and PKCE methods, and a protected API that checks bearer tokens
 * and counts calls. Modes switch at run time.
 */
export async function startQuirkyProvider(options: QuirkyProviderOptions): Promise<QuirkyProvider> {
  const modes: QuirkyModes = { ...DEFAULT_MODES, ...options.modes }
  const counters: QuirkyCounters = {
    authorizations: 0,
    tokenRequests: {},
    revocations: 0,
    logouts: 0,
    apiCalls: 0,
    lastRevocation: undefined,
    revocationLog: [],
    lastApiAuth: undefined,
    lastAuthorize: undefined,
    lastAssertion: undefined,
    lastApiHeaders: undefined,
    lastAccountId: undefined,
    sites: [],
    concurrentTokenRequests: 0,
    maxConcurrentTokenRequests: 0
  }
  const apiAnswers = new Map<string, unknown>()
  /** Every scope the end user granted, for incremental authorization. */
  const everGranted = new Set<string>()
  const pagedAnswers = new Map<string, PagedCollection>()
  const pagedRequests: QuirkyProvider['pagedRequests'] = []
  const apiKeys = new Set<string>()
  const basicUsers = new Map<string, string>()
  /** Public keys of JWT bearer issuers (service accounts), by `iss`. */
  const assertionKeys = new Map<string, string>()
  const codes = new Map<string, CodeGrant>()
  const accessTokens = new Map<string, AccessGrant>()
  const refreshTokens = new Map<string, RefreshGrant>()
  const deadFamilies = new Set<string>()
  const issuedRefreshTokens: string[] = []
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: (error as Error).message })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  function wantsJson(req: IncomingMessage): boolean {
    if (modes.answerFormat === 'json') return true
    if (modes.answerFormat === 'form') return false
    return (req.headers.accept ?? '').includes('application/json')
  }

  function answer(req: IncomingMessage, res: ServerResponse, status: number, body: Record<string, unknown>): void {
    const decoys = modes.duplicateTokenFields
      .filter((name) => Object.hasOwn(body, name))
      .map((name): [string, unknown] => [
        name,
        typeof body[name] === 'string' ? `decoy_${String(body[name])}` : body[name]
      ])
    if (wantsJson(req)) {
      if (decoys.length === 0) return sendJson(res, status, body)
      // JSON.stringify cannot repeat a member: write the decoys before the real members.
      const members = decoys.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)},`).join('')
      res.writeHead(status, { 'content-type': 'application/json' }).end(`{${members}${JSON.stringify(body).slice(1)}`)
      return
    }
    const flat = [...decoys, ...Object.entries(body)]
      .filter(([, v]) => v !== undefined && typeof v !== 'object')
      .map(([k, v]): [string, string] => [k, String(v)])
    res
      .writeHead(status, { 'content-type': 'application/x-www-form-urlencoded' })
      .end(new URLSearchParams(flat).toString())
  }

  function oauthError(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    error: string,
    plainDescription: string,
    form?: URLSearchParams
  ): void {
    const echoed =
      modes.echoSecretsInErrors && form !== undefined
        ? ` (request was: ${form.toString()} ${req.headers.authorization ?? ''})`
        : ''
    const description = plainDescription + echoed
    if (modes.errorsIn200)
      answer(
        req,
        res,
        200,
        wantsJson(req)
          ? { ok: false, error, error_description: description }
          : { error, error_description: description }
      )
    else answer(req, res, status, { error, error_description: description })
  }

  function clientAuthenticated(req: IncomingMessage, form: URLSearchParams, accepted = modes.clientAuth): boolean {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (basic !== undefined && accepted !== 'client_secret_post') {
      const [id, secret] = Buffer.from(basic, 'base64')
        .toString('utf8')
        .split(':')
        .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')))
      return id === options.clientId && secret === options.clientSecret
    }
    if (basic === undefined && accepted !== 'client_secret_basic') {
      return form.get('client_id') === options.clientId && form.get('client_secret') === options.clientSecret
    }
    return false
  }

  function issue(family: string, scope: string, withRefresh: boolean): Record<string, unknown> {
    const accessToken = token('qat')
    accessTokens.set(accessToken, { family, scope, expiresAt: Date.now() + modes.accessTokenTtlSeconds * 1000 })
    const body: Record<string, unknown> = {
      token_type: modes.tokenType,
      scope: scope.split(' ').filter(Boolean).join(modes.scopeDelimiter)
    }
    if (modes.nestedToken) {
      const botToken = token('qbot')
      accessTokens.set(botToken, { family, scope, expiresAt: Date.now() + modes.accessTokenTtlSeconds * 1000 })
      body.ok = true
      body.access_token = botToken
      body.token_type = 'bot'
      body.authed_user = { id: 'U123', scope: body.scope, access_token: accessToken, token_type: 'user' }
      body.team = { id: 'T123', name: 'Quirky Team' }
    } else {
      body.access_token = accessToken
    }
    if (modes.expiresIn === 'number') body.expires_in = modes.accessTokenTtlSeconds
    if (modes.expiresIn === 'string') body.expires_in = String(modes.accessTokenTtlSeconds)
    if (modes.expiresIn === 'milliseconds') body.expires_in = modes.accessTokenTtlSeconds * 1000
    if (modes.expiresIn === 'absolute')
      body.expires_at = new Date(Date.now() + modes.accessTokenTtlSeconds * 1000).toISOString()
    if (withRefresh) {
      const refreshToken = token('qrt')
      refreshTokens.set(refreshToken, { family, scope, used: false })
      issuedRefreshTokens.push(refreshToken)
      body.refresh_token = refreshToken
    }
    if (modes.instanceUrl) body.instance_url = `${base}/instance`
    if (modes.tokenScope !== undefined) body.scope = modes.tokenScope
    return { ...modes.extraTokenFields, ...body }
  }

  async function tokenEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const isJson = (req.headers['content-type'] ?? '').includes('json')
    const body = await readForm(req)
    const form = modes.queryTokenRequests ? new URL(req.url ?? '/', base).searchParams : body
    const grant = form.get('grant_type') ?? 'none'
    counters.tokenRequests[grant] = (counters.tokenRequests[grant] ?? 0) + 1
    if (modes.delayMs > 0) await sleep(modes.delayMs)
    if (modes.failNext > 0) {
      modes.failNext -= 1
      const headers: Record<string, string> =
        modes.retryAfterSeconds === undefined ? {} : { 'retry-after': String(modes.retryAfterSeconds) }
      res
        .writeHead(modes.failStatus, { 'content-type': 'text/html', ...headers })
        .end('<html><body><h1>Service Unavailable</h1></body></html>')
      return
    }
    if (modes.garbage) {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><body>Welcome to our website</body></html>')
      return
    }
    if (modes.oversizedBytes > 0) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ access_token: 'big', padding: 'x'.repeat(modes.oversizedBytes) }))
      return
    }
    if (modes.requireJsonBody && !isJson) return oauthError(req, res, 400, 'invalid_request', 'body must be JSON', form)
    if (modes.queryTokenRequests && [...body.keys()].length > 0)
      return oauthError(req, res, 400, 'invalid_request', 'parameters belong in the query string', form)
    // RFC 7523 §2.1: no client authentication, the signed assertion is the credential.
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const checked = checkAssertion(form.get('assertion') ?? '')
      if (typeof checked === 'string') return oauthError(req, res, 400, 'invalid_grant', checked, form)
      counters.lastAssertion = checked
      answer(req, res, 200, issue(token('family'), String(checked.scope ?? form.get('scope') ?? ''), false))
      return
    }
    if (!clientAuthenticated(req, form))
      return oauthError(req, res, 401, 'invalid_client', 'client authentication failed', form)
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '')
      if (code === undefined || code.used)
        return oauthError(req, res, 400, 'invalid_grant', 'the code is invalid or was already used', form)
      code.used = true
      if (code.redirectUri !== form.get('redirect_uri'))
        return oauthError(req, res, 400, 'invalid_grant', 'redirect_uri mismatch', form)
      if (code.challenge !== undefined) {
        const verifier = form.get('code_verifier') ?? ''
        if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
          return oauthError(req, res, 400, 'invalid_grant', 'PKCE verification failed', form)
      }
      answer(req, res, 200, issue(token('family'), code.scope, modes.issueRefreshTokens))
      return
    }
    if (grant === 'refresh_token') {
      const presented = form.get('refresh_token') ?? ''
      const refresh = refreshTokens.get(presented)
      if (refresh === undefined || deadFamilies.has(refresh.family))
        return oauthError(req, res, 400, 'invalid_grant', 'the refresh token is invalid', form)
      if (refresh.used) {
        // Reuse of a rotated refresh token: treat as theft, kill the whole grant.
        deadFamilies.add(refresh.family)
        return oauthError(req, res, 400, 'invalid_grant', 'the refresh token was already used', form)
      }
      const rotate = modes.rotateRefreshTokens && modes.refreshReturnsRefreshToken
      if (rotate) refresh.used = true
      answer(req, res, 200, issue(refresh.family, refresh.scope, rotate))
      return
    }
    if (grant === 'client_credentials') {
      const asked = (form.get('scope') ?? '').split(/[ ,]+/).join(' ')
      answer(req, res, 200, issue(token('family'), modes.clientCredentialsScope ?? asked, false))
      return
    }
    if (grant === 'account_credentials') {
      const account = form.get('account_id') ?? ''
      if (!modes.accountIds.includes(account))
        return oauthError(
          req,
          res,
          400,
          'invalid_request',
          `account_id "${account}" is not an account of this app`,
          form
        )
      counters.lastAccountId = account
      answer(req, res, 200, issue(token('family'), modes.tokenScope ?? '', false))
      return
    }
    oauthError(req, res, 400, 'unsupported_grant_type', `grant_type ${grant} is not supported`, form)
  }

  async function revokeEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.revocations += 1
    const contentType = (req.headers['content-type'] ?? '').split(';')[0] ?? ''
    const form = await readForm(req)
    if (modes.delayMs > 0) await sleep(modes.delayMs)
    if (modes.revokeFailNext > 0) {
      modes.revokeFailNext -= 1
      res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable')
      return
    }
    const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    // GitHub names the body field `access_token`.
    const inQuery = new URL(req.url ?? '/', 'http://quirky').searchParams.get('token') ?? undefined
    const presented =
      modes.revokeAuth === 'bearer' ? (bearer ?? '') : (form.get('token') ?? form.get('access_token') ?? inQuery ?? '')
    counters.lastRevocation = {
      method: req.method ?? '',
      contentType,
      authorization:
        bearer !== undefined
          ? 'bearer'
          : /^Basic /i.test(req.headers.authorization ?? '')
            ? 'basic'
            : /^Client /.test(req.headers.authorization ?? '')
              ? 'client'
              : 'none',
      token: refreshTokens.has(presented) ? 'refresh' : accessTokens.has(presented) ? 'access' : 'unknown'
    }
    counters.revocationLog.push(counters.lastRevocation)
    if (modes.revokeFormat === 'json' && !contentType.includes('json'))
      return oauthError(req, res, 400, 'invalid_request', 'the body must be JSON', form)
    if (modes.revokeFormat === 'form' && contentType !== 'application/x-www-form-urlencoded')
      return oauthError(req, res, 400, 'invalid_request', 'the body must be form-encoded', form)
    if (modes.revokeFormat === 'query' && (inQuery === undefined || form.has('token')))
      return oauthError(req, res, 400, 'invalid_request', 'the token must be in the query string', form)
    if (modes.revokeAuth === 'bearer') {
      if (!accessTokens.has(presented))
        return oauthError(req, res, 401, 'invalid_token', 'the bearer token is not valid', form)
    } else if (modes.revokeClientAuth === 'client_header') {
      // Square's RevokeToken: `Authorization: Client <secret>`, the client id in the JSON body, nothing else.
      if (
        req.headers.authorization !== `Client ${options.clientSecret}` ||
        form.get('client_id') !== options.clientId ||
        form.has('client_secret')
      )
        return oauthError(req, res, 401, 'invalid_client', 'client authentication failed', form)
    } else if (!clientAuthenticated(req, form, modes.revokeClientAuth ?? modes.clientAuth))
      return oauthError(req, res, 401, 'invalid_client', 'client authentication failed', form)
    const family = refreshTokens.get(presented)?.family ?? accessTokens.get(presented)?.family
    if (family !== undefined && deadFamilies.has(family) && modes.revokeFormat === 'query')
      return oauthError(req, res, 400, 'invalid_request', 'the token is invalid', form)
    if (family !== undefined) deadFamilies.add(family)
    res.writeHead(200).end()
  }

  /** Whether the call carries every credential `apiCredentials` insists on. */
  function declaredCredentials(
    req: IncomingMessage,
    url: URL,
    body: string,
    expected: NonNullable<QuirkyModes['apiCredentials']>
  ): boolean {
    let json: Record<string, unknown> = {}
    try {
      const parsed: unknown = JSON.parse(body)
      if (parsed !== null && typeof parsed === 'object') json = parsed as Record<string, unknown>
    } catch {
      // Not JSON: no body credential.
    }
    counters.lastApiAuth = 'declared'
    return expected.every(({ in: where, name, value }) =>
      where === 'header'
        ? req.headers[name.toLowerCase()] === value
        : where === 'query'
          ? url.searchParams.get(name) === value
          : json[name] === value
    )
  }

  /**
   * A JWT bearer assertion as Google checks one: RS256 signed by a key registered for its
   * issuer, `aud` this token URL, `exp` ahead and at most an hour after `iat`.
   * @returns its claims, or why it is refused.
   */
  function checkAssertion(jwt: string): Record<string, unknown> | string {
    const [header, payload, signature] = jwt.split('.')
    if (header === undefined || payload === undefined || signature === undefined) return 'the assertion is not a JWT'
    let claims: Record<string, unknown>
    let protectedHeader: Record<string, unknown>
    try {
      protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    } catch {
      return 'the assertion is not a JWT'
    }
    const key = assertionKeys.get(String(claims.iss))
    if (key === undefined) return 'unknown issuer'
    if (protectedHeader.alg !== 'RS256') return 'only RS256 is accepted'
    const valid = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(key, Buffer.from(signature, 'base64url'))
    if (!valid) return 'Invalid JWT Signature.'
    const now = Math.floor(Date.now() / 1000)
    if (claims.aud !== `${base}/oauth/token`) return 'the audience must be the token URL'
    if (typeof claims.exp !== 'number' || claims.exp <= now) return 'the assertion has expired'
    if (typeof claims.iat !== 'number' || claims.exp - claims.iat > 3600)
      return 'the assertion lives longer than an hour'
    return claims
  }

  /** A token exchange's login: the typed-in credentials checked, a session token issued. */
  async function loginEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.tokenRequests.login = (counters.tokenRequests.login ?? 0) + 1
    const text = await readText(req)
    const login = modes.login
    if (login === undefined) return sendJson(res, 404, { error: 'not_found' })
    let body: unknown = {}
    if ((req.headers['content-type'] ?? '').includes('json')) {
      try {
        body = JSON.parse(text)
      } catch {
        body = {}
      }
    } else body = Object.fromEntries(new URLSearchParams(text))
    const field = (path: string): unknown =>
      path
        .split('.')
        .reduce<unknown>(
          (node, key) =>
            node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
          body
        )
    const accepted = login.expects.every(({ in: where, name, value }) =>
      where === 'header' ? req.headers[name.toLowerCase()] === value : field(name) === value
    )
    if (!accepted) return sendJson(res, 401, { message: 'Invalid credentials' })
    const session = token('qsession')
    const expiresAt = new Date(Date.now() + login.ttlSeconds * 1000)
    accessTokens.set(session, { family: token('family'), scope: 'login', expiresAt: expiresAt.getTime() })
    sendJson(res, 200, login.answer(session, expiresAt))
  }

  /**
   * A token exchange's logout: the session token, presented as on API calls (`apiTokenHeader`
   * or Bearer), stops working; an unknown one answers 401.
   */
  function logoutEndpoint(req: IncomingMessage, res: ServerResponse): void {
    const header = modes.apiTokenHeader === undefined ? undefined : req.headers[modes.apiTokenHeader.toLowerCase()]
    const presented =
      typeof header === 'string' ? header : (/^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '')
    if (!accessTokens.delete(presented)) return sendJson(res, 401, { message: 'Not signed in' })
    counters.logouts += 1
    res.writeHead(204).end()
  }

  /** Who the API call is from, or `undefined` when its credential is refused. */
  function apiCaller(req: IncomingMessage, url: URL, body: string): { scope: string } | undefined {
    if (modes.apiCredentials !== undefined)
      return declaredCredentials(req, url, body, modes.apiCredentials) ? { scope: 'declared' } : undefined
    const authorization = req.headers.authorization ?? ''
    const basic = /^Basic (.+)$/i.exec(authorization)?.[1]
    if (basic !== undefined) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8')
      const at = decoded.indexOf(':')
      const ok = at > 0 && basicUsers.get(decoded.slice(0, at)) === decoded.slice(at + 1)
      counters.lastApiAuth = 'basic'
      return ok ? { scope: 'basic' } : undefined
    }
    const credential =
      /^\S+ (\S+)$/.exec(authorization)?.[1] ??
      (req.headers['x-api-key'] as string | undefined) ??
      url.searchParams.get('api_key') ??
      undefined
    if (credential !== undefined && apiKeys.has(credential)) {
      counters.lastApiAuth = url.searchParams.has('api_key') ? 'query' : 'api_key'
      return { scope: 'api_key' }
    }
    const fromHeader = modes.apiTokenHeader === undefined ? undefined : req.headers[modes.apiTokenHeader.toLowerCase()]
    if (modes.apiTokenHeader !== undefined) counters.lastApiAuth = 'header'
    const presented =
      modes.apiTokenHeader !== undefined
        ? typeof fromHeader === 'string'
          ? fromHeader
          : ''
        : (/^Bearer (\S+)$/i.exec(authorization)?.[1] ?? url.searchParams.get('access_token') ?? '')
    if (modes.apiTokenHeader === undefined)
      counters.lastApiAuth = url.searchParams.has('access_token') ? 'query' : 'bearer'
    const grant = accessTokens.get(presented)
    if (grant === undefined || grant.expiresAt <= Date.now() || deadFamilies.has(grant.family)) return undefined
    return { scope: grant.scope }
  }

  /** `requested`: the URL as sent, site prefix included (`url` has it stripped). */
  async function api(req: IncomingMessage, res: ServerResponse, url: URL, requested: URL): Promise<void> {
    counters.apiCalls += 1
    counters.lastApiHeaders = { ...req.headers }
    if (modes.apiFailNext > 0) {
      modes.apiFailNext -= 1
      const headers: Record<string, string> = modes.rateLimitReset
        ? { 'x-ratelimit-remaining': '0', [modes.rateLimitResetHeader]: String(Math.ceil(Date.now() / 1000) + 1) }
        : modes.retryAfterSeconds === undefined
          ? {}
          : { 'retry-after': String(modes.retryAfterSeconds) }
      sendJson(res, modes.apiFailStatus, { error: 'try_later' }, headers)
      return
    }
    const body = await readText(req, 64 * 1024 * 1024)
    const grant = modes.apiRefusesAll ? undefined : apiCaller(req, url, body)
    if (grant === undefined) {
      if (modes.apiAuthErrorStyle === 'slack') return sendJson(res, 200, { ok: false, error: 'invalid_auth' })
      if (modes.apiAuthErrorStyle === 'wechat')
        return sendJson(res, 200, { errcode: 40001, errmsg: 'invalid credential' })
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"')
      sendJson(res, 401, { error: 'invalid_token' })
      return
    }
    const canned = apiAnswers.get(url.pathname)
    if (canned !== undefined) return sendJson(res, 200, canned)
    const paged = pagedAnswers.get(url.pathname)
    if (paged !== undefined) {
      let json: unknown
      try {
        json = body === '' ? undefined : JSON.parse(body)
      } catch {
        return sendJson(res, 400, { error: 'invalid_json' })
      }
      pagedRequests.push({
        path: url.pathname,
        method: req.method ?? 'GET',
        query: Object.fromEntries(url.searchParams),
        body: json
      })
      const page = pageOf(paged, requested, json)
      return sendJson(res, page.status, page.body, page.headers)
    }
    if (url.pathname.endsWith('/large')) {
      // A large streamed answer, for proxy tests.
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const chunk = Buffer.alloc(64 * 1024, 120)
      const count = Number(url.searchParams.get('chunks') ?? '16')
      for (let i = 0; i < count; i++) if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve))
      res.end()
      return
    }
    sendJson(res, 200, {
      ok: true,
      errcode: 0,
      account: { login: 'quirky-user', id: 42, team: { id: 'T123', name: 'Quirky Team' } },
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      scope: grant.scope,
      headers: {
        'x-custom': req.headers['x-custom'] ?? null,
        'x-github-api-version': req.headers['x-github-api-version'] ?? null
      },
      bodyLength: body.length,
      body: body.slice(0, 1000)
    })
  }

  function authorize(res: ServerResponse, url: URL): void {
    counters.authorizations += 1
    counters.lastAuthorize = Object.fromEntries(url.searchParams)
    const redirectUri = url.searchParams.get('redirect_uri')
    if (url.searchParams.get('client_id') !== options.clientId || redirectUri === null) {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'unknown client or missing redirect_uri' })
      return
    }
    const back = new URL(redirectUri)
    const state = url.searchParams.get('state')
    if (modes.deny) {
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set('error_description', modes.denyDescription)
    } else if (modes.requirePkce && !url.searchParams.has('code_challenge')) {
      back.searchParams.set('error', 'invalid_request')
      back.searchParams.set('error_description', 'code_challenge is required')
    } else {
      const code = token('qcode')
      // Slack asks for user-token scopes as `user_scope`.
      const asked = (url.searchParams.get('scope') ?? url.searchParams.get('user_scope') ?? '').split(/[ ,]+/)
      const incremental =
        modes.incrementalParam !== undefined && url.searchParams.get(modes.incrementalParam) === 'true'
      const scope = incremental ? [...new Set([...everGranted, ...asked.filter(Boolean)])] : asked
      for (const name of scope) if (name !== '') everGranted.add(name)
      codes.set(code, {
        clientId: options.clientId,
        redirectUri,
        scope: scope.join(' '),
        challenge: url.searchParams.get('code_challenge') ?? undefined,
        used: false
      })
      back.searchParams.set('code', code)
      for (const [name, value] of Object.entries(modes.callbackParams)) back.searchParams.set(name, value)
    }
    if (state !== null) back.searchParams.set('state', state)
    if (modes.issuer !== false) back.searchParams.set('iss', modes.issuer === true ? base : modes.issuer)
    for (const [name, value] of modes.callbackAppendParams) back.searchParams.append(name, value)
    if (modes.formPost) {
      const action = new URL(redirectUri)
      const fields = [...back.searchParams]
        .filter(([name]) => !action.searchParams.has(name))
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      sendHtml(
        res,
        200,
        `<!doctype html><title>Sending you back</title><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(action.toString())}">${fields.join('')}<noscript><button>Continue</button></noscript></form></body>`
      )
      return
    }
    res.writeHead(302, { location: back.toString() }).end()
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base)
    // As the client sent it, site prefix included: the next-page links of paged answers are built on it.
    const requested = new URL(url)
    const site = /^\/sites\/([^/]+)(\/.*)$/.exec(url.pathname)
    if (site !== null) {
      counters.sites.push(decodeURIComponent(site[1] ?? ''))
      url.pathname = site[2] ?? '/'
    }
    if (url.pathname === '/oauth/authorize' && req.method === 'GET') return authorize(res, url)
    if (url.pathname === '/oauth/token' && req.method === 'POST') {
      counters.concurrentTokenRequests += 1
      counters.maxConcurrentTokenRequests = Math.max(
        counters.maxConcurrentTokenRequests,
        counters.concurrentTokenRequests
      )
      try {
        return await tokenEndpoint(req, res)
      } finally {
        counters.concurrentTokenRequests -= 1
      }
    }
    if (url.pathname === '/login' && req.method === 'POST') return loginEndpoint(req, res)
    if (url.pathname === '/logout' && (req.method === 'POST' || req.method === 'DELETE'))
      return logoutEndpoint(req, res)
    if (url.pathname === '/oauth/revoke' && (req.method === 'POST' || req.method === 'DELETE'))
      return revokeEndpoint(req, res)
    // GitHub: `DELETE /applications/{client_id}/token`, the client id in the path.
    const application = /^\/applications\/([^/]+)\/token$/.exec(url.pathname)
    if (application !== null && req.method === 'DELETE') {
      if (decodeURIComponent(application[1] ?? '') !== options.clientId)
        return sendJson(res, 404, { message: 'Not Found' })
      return revokeEndpoint(req, res)
    }
    if (url.pathname === '/.well-known/oauth-authorization-server' && req.method === 'GET') {
      sendJson(res, 200, {
        issuer: modes.metadataIssuer ?? base,
        authorization_endpoint: `${base}/oauth/authorize`,
        token_endpoint: `${base}/oauth/token`,
        revocation_endpoint: `${base}/oauth/revoke`,
        ...(modes.metadataIssParameterSupported ? { authorization_response_iss_parameter_supported: true } : {}),
        ...(modes.metadataCodeChallengeMethods === undefined
          ? {}
          : { code_challenge_methods_supported: modes.metadataCodeChallengeMethods })
      })
      return
    }
    if (url.pathname.startsWith('/moved/')) {
      res.writeHead(308, { location: url.pathname.slice('/moved'.length) }).end()
      return
    }
    if (
      url.pathname.startsWith('/api/') ||
      url.pathname.startsWith('/instance/') ||
      apiAnswers.has(url.pathname) ||
      pagedAnswers.has(url.pathname)
    )
      return api(req, res, url, requested)
    sendJson(res, 404, { error: 'not_found' })
  }

  return {
    url: base,
    issuer: base,
    authorizeUrl: `${base}/oauth/authorize`,
    tokenUrl: `${base}/oauth/token`,
    revokeUrl: `${base}/oauth/revoke`,
    apiBaseUrl: `${base}/api`,
    counters,
    modes,
    issuedRefreshTokens,
    mintRefreshToken: (scope = 'read') => {
      const refreshToken = token('qrt')
      refreshTokens.set(refreshToken, { family: token('family'), scope, used: false })
      return refreshToken
    },
    setModes: (next) => Object.assign(modes, next),
    addApiKey: (key) => apiKeys.add(key),
    addBasicUser: (username, password) => basicUsers.set(username, password),
    addAssertionKey: (issuer, publicKeyPem) => assertionKeys.set(issuer, publicKeyPem),
    setApiAnswer: (path, body) => apiAnswers.set(path, body),
    setPagedAnswer: (path, collection) => pagedAnswers.set(path, collection),
    pagedRequests,
    expireAccessTokens: () => {
      for (const grant of accessTokens.values()) grant.expiresAt = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
