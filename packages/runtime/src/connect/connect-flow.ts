import { randomBytes } from 'node:crypto'
import {
  OAuthError,
  buildAuthorizeUrl,
  exchangeCode,
  fetchAccessToken,
  fetchRequestToken,
  oauth1AuthorizeUrl,
  parseAuthorizationResponse,
  randomState
} from '@latchkey/oauth-client'
import type { CallbackQuery, HttpOptions } from '@latchkey/oauth-client'
import type { ConnectAttempt, Connection, RequestToken, Store } from '@latchkey/store'
import {
  checkRequestedScopes,
  isRedirectScheme,
  missingScopes,
  scopesForActions,
  widestScopes
} from '@latchkey/connector-sdk'
import type { ResolvedOAuth2AuthorizationCode } from '@latchkey/connector-sdk'
import type { Catalog, CatalogEntry } from '../connectors/catalog.js'
import { connectionContext, oauth1Context, schemeOf } from '../connections/connection-context.js'
import type { OAuth1Context } from '../connections/connection-context.js'
import type { DiscoveryCache } from '../credentials/discovery-cache.js'
import type { ConnectionLifecycle, HeldWebhooks } from '../connections/lifecycle.js'
import { RuntimeError, invalidRequest, notFound } from '../errors.js'
import { redirectUriOf } from '../runtime-config.js'
import { ClientRegistrations } from '../credentials/client-registrations.js'
import { RuntimeMetrics, connectorLabel } from '../metrics/metrics.js'
import type { RuntimeConfig } from '../runtime-config.js'
import { encodeTokenSet, refreshDueAt } from '../credentials/token-set-codec.js'
import { checkTrustedOrigin } from '../calls/trusted-origin.js'
import { tokenHttpFor } from '../calls/client-certificates.js'
import type { ClientCertificates } from '../calls/client-certificates.js'
import { schemeIn } from '../connectors/catalog.js'

/** What `authorize` may be asked for beyond a plain (re)connect. */
export interface AuthorizeOptions {
  /** A path on this deployment to send the browser back to (full-page redirects from the wizard). */
  readonly returnTo?: string | undefined
  /** Actions the connection will also be used for: their scopes are asked for. */
  readonly actions?: readonly string[] | undefined
  /** Scopes asked for besides (declared ones only). */
  readonly scopes?: readonly string[] | undefined
}

/** What `POST /v1/connections/:id/authorize` answers. */
export interface AuthorizeLink {
  readonly authorizeUrl: string
  readonly expiresAt: string
  /** The scopes this attempt asks the provider for. */
  readonly scopes: string[]
  /** Whether only the missing scopes are asked, the provider adding them to those granted before. */
  readonly incremental: boolean
}

/**
 * The scopes an attempt for more asks for: with incremental consent and something already
 * granted, only what the requested actions and scopes need and the connection lacks (and
 * the offline scope); otherwise everything the connection requests, widened by them.
 */
function scopesToAsk(
  definition: CatalogEntry['definition'],
  scheme: ResolvedOAuth2AuthorizationCode,
  connection: Connection,
  options: AuthorizeOptions
): { scopes: string[]; incremental: boolean } {
  const forActions =
    options.actions === undefined
      ? { scopes: [], issues: [] }
      : scopesForActions(definition, options.actions, 'body.actions')
  const issues = [
    ...forActions.issues,
    ...(options.scopes === undefined ? [] : checkRequestedScopes(options.scopes, scheme.scopes, 'body.scopes'))
  ]
  if (issues.length > 0)
    throw invalidRequest(`the request has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`, issues)
  const needed = [...forActions.scopes, ...(options.scopes ?? [])]
  const granted = connection.granted_scopes ?? []
  const missing = missingScopes(needed, granted, scheme.scopeIncludes)
  const incremental = scheme.incrementalConsent !== undefined && granted.length > 0 && missing.length > 0
  const offline = scheme.offlineScope === undefined ? [] : [scheme.offlineScope]
  return incremental
    ? { scopes: widestScopes([...missing, ...offline], scheme.scopeIncludes), incremental }
    : { scopes: widestScopes([...connection.requested_scopes, ...needed], scheme.scopeIncludes), incremental }
}

/**
 * After a consent: the scopes granted (the token answer's, else what was asked, added to
 * those granted before when the attempt was incremental) and the connection's requested
 * scopes widened by what this attempt asked.
 */
function consentedScopes(
  attempt: ConnectAttempt,
  connection: Connection,
  answered: readonly string[] | undefined,
  includes: Readonly<Record<string, readonly string[]>>
): { granted: string[]; requested: string[] } {
  const asked = attempt.requested_scopes
  const granted =
    answered !== undefined
      ? [...answered]
      : attempt.incremental
        ? [...new Set([...(connection.granted_scopes ?? []), ...asked])]
        : [...asked]
  return { granted, requested: widestScopes([...connection.requested_scopes, ...asked], includes) }
}

/** The cookie that binds an attempt to the browser that started it; one per attempt. */
export function bindingCookieName(attemptId: string): string {
  return `lk_connect_${attemptId.replace(/-/g, '')}`
}

/** What opening the start URL does: set the binding cookie, go to the provider. */
export interface StartResult {
  readonly redirectTo: string
  readonly cookie: { name: string; value: string; maxAgeSeconds: number; path: string }
}

/** The outcome of a callback, for the page shown to the person. */
export type CallbackOutcome = (
  | { readonly ok: true; readonly connectionId: string; readonly connectorName: string }
  | {
      readonly ok: false
      readonly code: string
      readonly title: string
      readonly message: string
      readonly hint: string
      readonly connectionId?: string
      readonly description?: string
    }
) & {
  /** A path on this deployment to send the browser back to (the attempt began by a full-page redirect from the wizard). */
  readonly returnTo?: string
}

/** Why the API origin an answer names is not trusted (the message), or `undefined` when it is. */
function untrustedOrigin(...args: Parameters<typeof checkTrustedOrigin>): string | undefined {
  try {
    checkTrustedOrigin(...args)
    return undefined
  } catch (error) {
    if (error instanceof RuntimeError) return error.message
    throw error
  }
}

/** Why a callback was refused before any token request. */
function refused(code: string, title: string, hint: string): CallbackOutcome {
  return { ok: false, code, title, message: title, hint }
}

/** Every value of one query param, however the query was parsed. */
function valuesOf(query: CallbackQuery, name: string): string[] {
  if (query instanceof URLSearchParams) return query.getAll(name)
  const value = query[name]
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value]
}

/**
 * The connect flow: `POST /authorize` creates an attempt and a start URL; the browser
 * opening it is bound to the attempt by an HttpOnly cookie and sent to the provider; the
 * callback checks state, binding, expiry and single use, then the response itself (no
 * repeated parameter, the RFC 9207 `iss` as the issuer's metadata promises), before any
 * token request, then exchanges the code and stores the tokens encrypted. PKCE follows the
 * issuer's `code_challenge_methods_supported` when the connector discovers its URLs.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 * @see https://www.rfc-editor.org/rfc/rfc7636
 */
export class ConnectFlow {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly config: RuntimeConfig,
    private readonly discovery: DiscoveryCache,
    private readonly lifecycle: ConnectionLifecycle,
    /**
     * Runs the connector's verification request once connected (its failure never fails the
     * connect), then releases the webhooks the connect held.
     */
    private readonly afterConnect: (held: HeldWebhooks) => Promise<void>,
    private readonly metrics: RuntimeMetrics = new RuntimeMetrics({ processMetrics: false }),
    private readonly certificates?: ClientCertificates,
    private readonly registrations: ClientRegistrations = new ClientRegistrations(
      store,
      discovery,
      redirectUriOf(config.publicUrl),
      config.http,
      config.now
    )
  ) {}

  private now(): number {
    return (this.config.now ?? Date.now)()
  }

  /** Creates a connect attempt; returns the Latchkey URL to open in the end customer's browser. */
  /**
   * Starts a connect attempt. With `actions` or `scopes`, asks for more than the connection
   * has (its id kept): the scopes those need that it was not granted. Where the provider
   * supports incremental consent only those are sent; elsewhere every scope is asked again.
   */
  async authorize(tenantId: string, connectionId: string, options: AuthorizeOptions = {}): Promise<AuthorizeLink> {
    if (options.returnTo !== undefined && !/^\/[a-z0-9/_-]*$/.test(options.returnTo))
      throw new RuntimeError('invalid_request', 'returnTo must be a path on this deployment')
    const stored = await this.store.connections.get(tenantId, connectionId)
    if (stored === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, stored.connector_key)
    if (entry === undefined) throw notFound(`connector "${stored.connector_key}"`)
    const scheme = schemeOf(entry.definition, stored)
    if (!isRedirectScheme(scheme)) {
      throw new RuntimeError(
        'scheme_mismatch',
        `this connection uses the "${scheme.label}" scheme, which needs no browser step: its credentials are given when it is created`
      )
    }
    const asked = options.actions !== undefined || options.scopes !== undefined
    if (asked && scheme.kind !== 'oauth2')
      throw invalidRequest('the scheme has no scopes', [
        {
          path: options.actions === undefined ? 'body.scopes' : 'body.actions',
          message: `cannot be asked for: the "${scheme.label}" scheme has no scopes`
        }
      ])
    const ask = asked && scheme.kind === 'oauth2' ? scopesToAsk(entry.definition, scheme, stored, options) : undefined
    // A client registered at the authorization server (RFC 7591) before the first connect there.
    const { connection, prepared } = await this.registrations.prepare(stored, entry.definition, scheme)
    let requestedScopes = ask?.scopes ?? connection.requested_scopes
    let issuer: string | null = null
    if (scheme.kind === 'oauth1') {
      // Fail now, not in the browser, when the consumer is not set.
      await oauth1Context(this.store, entry.definition, connection)
    } else {
      // Fail now, not in the browser, when the app is missing, a placeholder has no value, or
      // the server's metadata offers no PKCE method this connector can use.
      const context = await connectionContext(this.store, entry.definition, connection, {
        discovery: this.discovery,
        prepared
      })
      issuer = context.issuer ?? null
      // MCP's scope selection: a connector that declares no scopes and asks for none asks for
      // those the protected resource's 401 challenge named, else those it lists (RFC 9728
      // scopes_supported).
      if (
        requestedScopes.length === 0 &&
        Object.keys(context.auth.scopes).length === 0 &&
        context.resourceScopes !== undefined
      )
        requestedScopes = [...context.resourceScopes]
      try {
        buildAuthorizeUrl(context, {
          redirectUri: redirectUriOf(this.config.publicUrl),
          state: 'check',
          scopes: requestedScopes,
          incremental: ask?.incremental
        })
      } catch (error) {
        if (error instanceof OAuthError)
          throw new RuntimeError(
            'provider_incompatible',
            error.hint,
            { oauthError: error.code },
            { retryable: error.retryable }
          )
        throw error
      }
    }
    const startToken = randomBytes(32).toString('base64url')
    const expiresAt = new Date(this.now() + (this.config.attemptTtlSeconds ?? 600) * 1000)
    await this.store.attempts.create({
      tenantId,
      connectionId,
      startToken,
      redirectUri: redirectUriOf(this.config.publicUrl),
      requestedScopes,
      issuer,
      expiresAt,
      returnTo: options.returnTo ?? null,
      incremental: ask?.incremental ?? false
    })
    return {
      authorizeUrl: `${this.config.publicUrl.replace(/\/+$/, '')}/oauth/start/${startToken}`,
      expiresAt: expiresAt.toISOString(),
      scopes: [...requestedScopes],
      incremental: ask?.incremental ?? false
    }
  }

  /**
   * Opens an attempt in a browser: once only, before it expires. Builds the provider's
   * authorize URL with a fresh state and PKCE verifier, kept server-side.
   */
  async start(startToken: string): Promise<StartResult | CallbackOutcome> {
    const attempt = await this.store.attempts.findByStartToken(startToken)
    if (attempt === undefined)
      return refused(
        'unknown_attempt',
        'This connect link is not valid',
        'Go back to the application and click Connect again.'
      )
    if (attempt.expires_at.getTime() <= this.now())
      return refused(
        'expired',
        'This connect link has expired',
        'Connect links last 10 minutes. Go back to the application and click Connect again.'
      )
    if (attempt.started_at !== null)
      return refused(
        'already_started',
        'This connect link was already used',
        'Each link works once. Go back to the application and click Connect again.'
      )
    const connection = await this.store.connections.get(attempt.tenant_id, attempt.connection_id)
    const entry =
      connection === undefined ? undefined : await this.catalog.get(attempt.tenant_id, connection.connector_key)
    if (connection === undefined || entry === undefined)
      return refused(
        'unknown_attempt',
        'This connection no longer exists',
        'Go back to the application and create the connection again.'
      )
    if (schemeOf(entry.definition, connection).kind === 'oauth1') return this.startOAuth1(attempt, connection, entry)
    const context = await connectionContext(this.store, entry.definition, connection, { discovery: this.discovery })
    const state = randomState()
    let authorize: ReturnType<typeof buildAuthorizeUrl>
    try {
      authorize = buildAuthorizeUrl(context, {
        redirectUri: attempt.redirect_uri,
        state,
        scopes: attempt.requested_scopes,
        incremental: attempt.incremental
      })
    } catch (error) {
      // The metadata changed since the attempt was created (PKCE no longer offered).
      if (!(error instanceof OAuthError)) throw error
      await this.recordFailure(attempt, error.code, error.hint, error.toJSON())
      return refused(error.code, titleFor(error), error.hint)
    }
    return this.redirect(attempt, entry, authorize.url, state, { codeVerifier: authorize.codeVerifier })
  }

  /**
   * OAuth 1.0a's start: temporary credentials for a callback that carries the state (the
   * protocol has no state of its own; RFC 5849 §2.1 lets the callback URL have a query),
   * kept encrypted on the attempt, then the provider's authorize page for them.
   */
  private async startOAuth1(
    attempt: ConnectAttempt,
    connection: Connection,
    entry: CatalogEntry
  ): Promise<StartResult | CallbackOutcome> {
    const context = await this.oauth1ContextOrRefusal(attempt, connection, entry, 'The connection could not be started')
    if ('ok' in context) return context
    const state = randomState()
    const callbackUrl = new URL(attempt.redirect_uri)
    callbackUrl.searchParams.set('state', state)
    let requestToken: RequestToken
    try {
      requestToken = await this.metrics.tokenRequest(connectorLabel(entry), 'oauth1_request_token', () =>
        fetchRequestToken(
          context.requestTokenUrl,
          context.consumer,
          { callbackUrl: callbackUrl.href, params: context.requestTokenParams },
          this.config.http
        )
      )
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      await this.recordFailure(attempt, error.code, error.hint, error.toJSON())
      return refused(error.code, titleFor(error), error.hint)
    }
    const url = oauth1AuthorizeUrl(context.authorizeUrl, requestToken.token, context.authorizeParams)
    return this.redirect(attempt, entry, url, state, { codeVerifier: undefined, requestToken })
  }

  /** Marks the attempt started (once only), logs it, and sends the browser to the provider with its binding cookie. */
  private async redirect(
    attempt: ConnectAttempt,
    entry: CatalogEntry,
    url: string,
    state: string,
    secrets: { codeVerifier: string | undefined; requestToken?: RequestToken }
  ): Promise<StartResult | CallbackOutcome> {
    const binding = randomBytes(32).toString('base64url')
    if (!(await this.store.attempts.start(attempt.id, { state, browserBinding: binding, ...secrets }))) {
      return refused(
        'already_started',
        'This connect link was already used',
        'Each link works once. Go back to the application and click Connect again.'
      )
    }
    await this.lifecycle.log(
      { tenantId: attempt.tenant_id, connectionId: attempt.connection_id },
      {
        kind: 'connect.started',
        level: 'info',
        message: attempt.incremental
          ? `Sent to ${entry.definition.name} to approve more access`
          : `Sent to ${entry.definition.name} to approve access`,
        detail: { scopes: attempt.requested_scopes, ...(attempt.incremental ? { incremental: true } : {}) }
      }
    )
    const maxAgeSeconds = Math.max(1, Math.floor((attempt.expires_at.getTime() - this.now()) / 1000))
    return {
      redirectTo: url,
      cookie: { name: bindingCookieName(attempt.id), value: binding, maxAgeSeconds, path: '/oauth/callback' }
    }
  }

  /**
   * Handles `GET /oauth/callback/`. Every check that can refuse happens before any token
   * request; a refused or failed callback leaves no credentials behind.
   */
  async callback(
    query: CallbackQuery,
    cookies: Readonly<Record<string, string | undefined>>
  ): Promise<CallbackOutcome> {
    const states = valuesOf(query, 'state')
    const state = states.length === 1 ? states[0] : undefined
    const attempt = state === undefined || state === '' ? undefined : await this.store.attempts.findByState(state)
    const outcome = await this.complete(attempt, states, query, cookies)
    return attempt?.return_to == null ? outcome : { ...outcome, returnTo: attempt.return_to }
  }

  private async complete(
    attempt: ConnectAttempt | undefined,
    states: readonly string[],
    query: CallbackQuery,
    cookies: Readonly<Record<string, string | undefined>>
  ): Promise<CallbackOutcome> {
    if (states.length > 1) {
      return refused(
        'duplicate_parameter',
        'This sign-in response cannot be trusted',
        'It carries more than one state, so it cannot be matched to one connect attempt. Go back to the application and click Connect again.'
      )
    }
    if (states[0] === undefined || states[0] === '') {
      return refused(
        'missing_state',
        'This sign-in response cannot be trusted',
        'It carries no state, so it cannot be matched to a connect attempt. Go back to the application and click Connect again.'
      )
    }
    if (attempt === undefined) {
      return refused(
        'unknown_state',
        'This sign-in response cannot be trusted',
        'Its state does not match any connect attempt (it may be forged or from another deployment). Go back to the application and click Connect again.'
      )
    }
    if (attempt.consumed_at !== null) {
      return refused(
        'replayed',
        'This sign-in response was already used',
        'Each response is accepted once; the connection was not changed. Go back to the application to see its state.'
      )
    }
    if (attempt.expires_at.getTime() <= this.now()) {
      await this.finish(attempt, 'expired')
      return refused(
        'expired',
        'This connect attempt has expired',
        'Connect attempts last 10 minutes. Go back to the application and click Connect again.'
      )
    }
    if (!this.store.attempts.bindingMatches(attempt, cookies[bindingCookieName(attempt.id)])) {
      return refused(
        'foreign_browser',
        'This sign-in finished in another browser',
        'For your safety it must finish in the browser where Connect was clicked. Go back to the application there and click Connect again.'
      )
    }
    if (!(await this.store.attempts.consume(attempt.id))) {
      return refused(
        'replayed',
        'This sign-in response was already used',
        'Each response is accepted once; the connection was not changed.'
      )
    }
    const connection = await this.store.connections.get(attempt.tenant_id, attempt.connection_id)
    const entry =
      connection === undefined ? undefined : await this.catalog.get(attempt.tenant_id, connection.connector_key)
    if (connection === undefined || entry === undefined) {
      await this.finish(attempt, 'connection_deleted')
      return refused(
        'unknown_attempt',
        'This connection no longer exists',
        'Go back to the application and create the connection again.'
      )
    }
    if (schemeIn(entry.definition, connection.auth_scheme)?.kind === 'oauth1')
      return this.completeOAuth1(attempt, connection, entry, query)
    // The context before the response is read: the issuer's metadata says whether it must carry `iss`.
    let context: Awaited<ReturnType<typeof connectionContext>>
    let http: HttpOptions | undefined
    try {
      context = await connectionContext(this.store, entry.definition, connection, { discovery: this.discovery })
      // The code exchange presents the app's client certificate when the scheme has one (mutual TLS).
      http = await tokenHttpFor(this.certificates, connection, context.auth, this.config.http)
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error
      // The scheme, the app or the issuer's metadata is gone since the attempt started: it is spent, say why.
      await this.recordFailure(attempt, error.code, error.message, { code: error.code, message: error.message })
      return {
        ...refused(error.code, 'The connection could not be completed', error.message),
        connectionId: connection.id
      }
    }
    try {
      const callbackParams = context.auth.grant === 'authorization_code' ? context.auth.callbackParams : []
      const response = parseAuthorizationResponse(query, {
        expectedIssuer: attempt.issuer ?? undefined,
        issuerRequired: context.server?.authorizationResponseIssParameterSupported === true,
        callbackParams
      })
      const codeVerifier = await this.store.attempts.codeVerifier(attempt)
      const tokens = await this.metrics.tokenRequest(connectorLabel(entry), 'authorization_code', () =>
        exchangeCode(
          context,
          {
            code: response.code,
            redirectUri: attempt.redirect_uri,
            codeVerifier,
            requestedScopes: attempt.requested_scopes
          },
          http
        )
      )
      const metadata = { ...connection.metadata, ...tokens.kept, ...response.kept }
      // An API origin taken from the answer (Salesforce's instance_url) must be one the connector trusts, before anything is stored or sent there.
      const untrusted = untrustedOrigin(
        context.overrides?.baseUrl ?? entry.definition.http?.baseUrl,
        entry.definition.http?.originHosts,
        { parameters: context.parameters, config: context.config, metadata }
      )
      if (untrusted !== undefined) {
        await this.recordFailure(attempt, 'untrusted_origin', untrusted, {
          code: 'untrusted_origin',
          message: untrusted
        })
        return {
          ...refused('untrusted_origin', 'The provider named an API host this connector does not trust', untrusted),
          connectionId: connection.id
        }
      }
      const now = this.now()
      const scopes = consentedScopes(attempt, connection, tokens.scopes, context.auth.scopeIncludes)
      const held = await this.lifecycle.connected(
        { tenantId: attempt.tenant_id, connectionId: connection.id },
        {
          credential: {
            tokenSet: encodeTokenSet(tokens),
            expiresAt: tokens.expiresAt ?? null,
            refreshDueAt: refreshDueAt(tokens, now, this.config.refreshMarginSeconds ?? 300)
          },
          grantedScopes: scopes.granted,
          requestedScopes: scopes.requested,
          metadata
        },
        {
          message: `Connected to ${entry.definition.name}`,
          detail: {
            scopes: scopes.granted,
            expiresAt: tokens.expiresAt?.toISOString() ?? null,
            refreshToken: tokens.refreshToken !== undefined
          }
        }
      )
      await this.finish(attempt, 'connected')
      await this.afterConnect(held)
      return { ok: true, connectionId: connection.id, connectorName: entry.definition.name }
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      return this.failed(attempt, connection, error)
    }
  }

  /**
   * OAuth 1.0a's callback, after the checks every callback gets (state, binding, expiry,
   * single use): the `oauth_token` must be this attempt's request token, and its
   * `oauth_verifier` is exchanged for the access token (RFC 5849 §2.3). No verifier means
   * the end customer declined (X sends `denied=<token>`).
   */
  private async completeOAuth1(
    attempt: ConnectAttempt,
    connection: Connection,
    entry: CatalogEntry,
    query: CallbackQuery
  ): Promise<CallbackOutcome> {
    const tokens = valuesOf(query, 'oauth_token')
    const verifiers = valuesOf(query, 'oauth_verifier')
    const requestToken = await this.store.attempts.requestToken(attempt)
    try {
      for (const [name, values] of [
        ['oauth_token', tokens],
        ['oauth_verifier', verifiers]
      ] as const)
        if (values.length > 1) throw new OAuthError('duplicate_parameter', { endpoint: 'authorize', context: name })
      const verifier = verifiers[0]
      if (verifier === undefined || verifier === '') throw new OAuthError('access_denied', { endpoint: 'authorize' })
      if (requestToken === undefined || tokens[0] !== requestToken.token) {
        const hint =
          'Its oauth_token is not the request token this attempt was started with, so it may be forged or from another attempt. Go back to the application and click Connect again.'
        await this.recordFailure(attempt, 'token_mismatch', hint, { code: 'token_mismatch' })
        return {
          ...refused('token_mismatch', 'This sign-in response cannot be trusted', hint),
          connectionId: connection.id
        }
      }
      const context = await this.oauth1ContextOrRefusal(
        attempt,
        connection,
        entry,
        'The connection could not be completed'
      )
      if ('ok' in context) return { ...context, connectionId: connection.id }
      const access = await this.metrics.tokenRequest(connectorLabel(entry), 'oauth1_access_token', () =>
        fetchAccessToken(context.accessTokenUrl, context.consumer, requestToken, verifier, this.config.http)
      )
      const kept = Object.fromEntries(
        context.auth.keepFields.flatMap((name) =>
          access.extra[name] === undefined ? [] : [[name, access.extra[name]]]
        )
      )
      const held = await this.lifecycle.connected(
        { tenantId: attempt.tenant_id, connectionId: connection.id },
        {
          credential: {
            tokenSet: {
              accessToken: access.token,
              tokenType: 'OAuth1',
              expiresAt: null,
              refreshToken: null,
              scopes: null,
              idToken: null,
              kept,
              // The token secret signs every call; kept encrypted with the token, like typed-in credentials.
              credentials: { oauthTokenSecret: access.secret }
            },
            expiresAt: null,
            refreshDueAt: null
          },
          grantedScopes: attempt.requested_scopes,
          metadata: { ...connection.metadata, ...kept }
        },
        {
          message: `Connected to ${entry.definition.name}`,
          detail: { scopes: attempt.requested_scopes, expiresAt: null, refreshToken: false }
        }
      )
      await this.finish(attempt, 'connected')
      await this.afterConnect(held)
      return { ok: true, connectionId: connection.id, connectorName: entry.definition.name }
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      return this.failed(attempt, connection, error)
    }
  }

  /** The OAuth 1.0a context, or, when the consumer or the scheme is gone, the refusal to show (recorded on the attempt). */
  private async oauth1ContextOrRefusal(
    attempt: ConnectAttempt,
    connection: Connection,
    entry: CatalogEntry,
    title: string
  ): Promise<OAuth1Context | CallbackOutcome> {
    try {
      return await oauth1Context(this.store, entry.definition, connection)
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error
      await this.recordFailure(attempt, error.code, error.message, { code: error.code, message: error.message })
      return refused(error.code, title, error.message)
    }
  }

  /** A callback that failed at the provider: recorded, and told to the person. */
  private async failed(attempt: ConnectAttempt, connection: Connection, error: OAuthError): Promise<CallbackOutcome> {
    await this.recordFailure(attempt, error.code, error.hint, error.toJSON())
    return {
      ok: false,
      code: error.code,
      title: titleFor(error),
      message: titleFor(error),
      hint: error.hint,
      connectionId: connection.id,
      ...(error.description === undefined ? {} : { description: error.description })
    }
  }

  private async finish(attempt: ConnectAttempt, outcome: string): Promise<void> {
    await this.store.attempts.setOutcome(attempt.id, outcome)
  }

  /** A failed attempt: its outcome, the connection's reason, and an event, as every failure after the checks records them. */
  private async recordFailure(
    attempt: ConnectAttempt,
    code: string,
    reason: string,
    detail: Record<string, unknown>
  ): Promise<void> {
    await this.finish(attempt, code)
    await this.lifecycle.connectFailed(
      { tenantId: attempt.tenant_id, connectionId: attempt.connection_id },
      reason,
      detail
    )
  }
}

function titleFor(error: OAuthError): string {
  switch (error.code) {
    case 'access_denied':
      return 'Access was not granted'
    case 'invalid_client':
      return 'The provider refused the app’s client credentials'
    case 'invalid_scope':
      return 'The provider refused the requested permissions'
    case 'token_endpoint_unreachable':
    case 'token_endpoint_not_found':
    case 'invalid_response':
      return 'The provider’s token URL did not work'
    case 'issuer_mismatch':
      return 'This sign-in response came from the wrong provider'
    case 'issuer_missing':
    case 'duplicate_parameter':
      return 'This sign-in response cannot be trusted'
    case 'pkce_not_supported':
      return 'The provider does not offer the PKCE this connector requires'
    default:
      return 'The connection could not be completed'
  }
}
