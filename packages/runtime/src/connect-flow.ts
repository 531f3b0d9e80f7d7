import { randomBytes } from 'node:crypto'
import { OAuthError, buildAuthorizeUrl, exchangeCode, parseAuthorizationResponse, randomState } from '@latchkey/oauth-client'
import type { ConnectAttempt, Store } from '@latchkey/store'
import type { Catalog } from './catalog.js'
import type { CredentialService } from './credential-service.js'
import { connectionContext, schemeOf } from './connection-context.js'
import type { DiscoveryCache } from './discovery-cache.js'
import { RuntimeError, notFound } from './errors.js'
import { redirectUriOf } from './runtime-config.js'
import type { RuntimeConfig } from './runtime-config.js'
import { encodeTokenSet, refreshDueAt } from './token-set-codec.js'

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
  | { readonly ok: false; readonly code: string; readonly title: string; readonly message: string; readonly hint: string; readonly connectionId?: string; readonly description?: string }
) & {
  /** A path on this deployment to send the browser back to (the attempt began by a full-page redirect from the wizard). */
  readonly returnTo?: string
}

/** Why a callback was refused before any token request. */
function refused(code: string, title: string, hint: string): CallbackOutcome {
  return { ok: false, code, title, message: title, hint }
}

/**
 * The connect flow: `POST /authorize` creates an attempt and a start URL; the browser
 * opening it is bound to the attempt by an HttpOnly cookie and sent to the provider; the
 * callback checks state, binding, expiry and single use before any token request, then
 * exchanges the code and stores the tokens encrypted.
 */
export class ConnectFlow {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly config: RuntimeConfig,
    private readonly credentials: CredentialService,
    private readonly discovery: DiscoveryCache,
    /** Runs the connector's verification request once connected; its failure never fails the connect. */
    private readonly afterConnect: (tenantId: string, connectionId: string) => Promise<void> = async () => undefined
  ) {}

  private now(): number {
    return (this.config.now ?? Date.now)()
  }

  /** Creates a connect attempt; returns the Latchkey URL to open in the end customer's browser. */
  async authorize(tenantId: string, connectionId: string, options: { returnTo?: string | undefined } = {}): Promise<{ authorizeUrl: string; expiresAt: string }> {
    if (options.returnTo !== undefined && !/^\/[a-z0-9/_-]*$/.test(options.returnTo)) throw new RuntimeError('invalid_request', 'returnTo must be a path on this deployment')
    const connection = await this.store.connections.get(tenantId, connectionId)
    if (connection === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    if (entry === undefined) throw new RuntimeError('conflict', `the connector "${connection.connector_key}" no longer exists`)
    const scheme = schemeOf(entry.definition, connection)
    if (scheme.kind !== 'oauth2' || scheme.grant !== 'authorization_code') {
      throw new RuntimeError('conflict', `this connection uses the "${scheme.label}" scheme, which needs no browser step: its credentials are given when it is created`)
    }
    // Fail now, not in the browser, when the app is missing or a placeholder has no value.
    const context = await connectionContext(this.store, entry.definition, connection, undefined, this.discovery)
    buildAuthorizeUrl(context, { redirectUri: redirectUriOf(this.config.publicUrl), state: 'check', scopes: connection.requested_scopes })
    const startToken = randomBytes(32).toString('base64url')
    const expiresAt = new Date(this.now() + (this.config.attemptTtlSeconds ?? 600) * 1000)
    await this.store.attempts.create({
      tenantId,
      connectionId,
      startToken,
      redirectUri: redirectUriOf(this.config.publicUrl),
      requestedScopes: connection.requested_scopes,
      issuer: scheme.issuer ?? null,
      expiresAt,
      returnTo: options.returnTo ?? null
    })
    return { authorizeUrl: `${this.config.publicUrl.replace(/\/+$/, '')}/oauth/start/${startToken}`, expiresAt: expiresAt.toISOString() }
  }

  /**
   * Opens an attempt in a browser: once only, before it expires. Builds the provider's
   * authorize URL with a fresh state and PKCE verifier, kept server-side.
   */
  async start(startToken: string): Promise<StartResult | CallbackOutcome> {
    const attempt = await this.store.attempts.findByStartToken(startToken)
    if (attempt === undefined) return refused('unknown_attempt', 'This connect link is not valid', 'Go back to the application and click Connect again.')
    if (attempt.expires_at.getTime() <= this.now()) return refused('expired', 'This connect link has expired', 'Connect links last 10 minutes. Go back to the application and click Connect again.')
    if (attempt.started_at !== null) return refused('already_started', 'This connect link was already used', 'Each link works once. Go back to the application and click Connect again.')
    const connection = await this.store.connections.get(attempt.tenant_id, attempt.connection_id)
    const entry = connection === undefined ? undefined : await this.catalog.get(attempt.tenant_id, connection.connector_key)
    if (connection === undefined || entry === undefined) return refused('unknown_attempt', 'This connection no longer exists', 'Go back to the application and create the connection again.')
    const context = await connectionContext(this.store, entry.definition, connection, undefined, this.discovery)
    const state = randomState()
    const authorize = buildAuthorizeUrl(context, { redirectUri: attempt.redirect_uri, state, scopes: attempt.requested_scopes })
    const binding = randomBytes(32).toString('base64url')
    if (!(await this.store.attempts.start(attempt.id, { state, browserBinding: binding, codeVerifier: authorize.codeVerifier }))) {
      return refused('already_started', 'This connect link was already used', 'Each link works once. Go back to the application and click Connect again.')
    }
    await this.store.events.add(attempt.tenant_id, attempt.connection_id, { kind: 'connect.started', level: 'info', message: `Sent to ${entry.definition.name} to approve access`, detail: { scopes: attempt.requested_scopes } })
    const maxAgeSeconds = Math.max(1, Math.floor((attempt.expires_at.getTime() - this.now()) / 1000))
    return { redirectTo: authorize.url, cookie: { name: bindingCookieName(attempt.id), value: binding, maxAgeSeconds, path: '/oauth/callback' } }
  }

  /**
   * Handles `GET /oauth/callback/`. Every check that can refuse happens before any token
   * request; a refused or failed callback leaves no credentials behind.
   */
  async callback(query: Readonly<Record<string, string | undefined>>, cookies: Readonly<Record<string, string | undefined>>): Promise<CallbackOutcome> {
    const state = query.state
    const attempt = state === undefined || state === '' ? undefined : await this.store.attempts.findByState(state)
    const outcome = await this.complete(attempt, query, cookies)
    return attempt?.return_to == null ? outcome : { ...outcome, returnTo: attempt.return_to }
  }

  private async complete(attempt: ConnectAttempt | undefined, query: Readonly<Record<string, string | undefined>>, cookies: Readonly<Record<string, string | undefined>>): Promise<CallbackOutcome> {
    const state = query.state
    if (state === undefined || state === '') {
      return refused('missing_state', 'This sign-in response cannot be trusted', 'It carries no state, so it cannot be matched to a connect attempt. Go back to the application and click Connect again.')
    }
    if (attempt === undefined) {
      return refused('unknown_state', 'This sign-in response cannot be trusted', 'Its state does not match any connect attempt (it may be forged or from another deployment). Go back to the application and click Connect again.')
    }
    if (attempt.consumed_at !== null) {
      return refused('replayed', 'This sign-in response was already used', 'Each response is accepted once; the connection was not changed. Go back to the application to see its state.')
    }
    if (attempt.expires_at.getTime() <= this.now()) {
      await this.finish(attempt, 'expired')
      return refused('expired', 'This connect attempt has expired', 'Connect attempts last 10 minutes. Go back to the application and click Connect again.')
    }
    if (!this.store.attempts.bindingMatches(attempt, cookies[bindingCookieName(attempt.id)])) {
      return refused('foreign_browser', 'This sign-in finished in another browser', 'For your safety it must finish in the browser where Connect was clicked. Go back to the application there and click Connect again.')
    }
    if (!(await this.store.attempts.consume(attempt.id))) {
      return refused('replayed', 'This sign-in response was already used', 'Each response is accepted once; the connection was not changed.')
    }
    const connection = await this.store.connections.get(attempt.tenant_id, attempt.connection_id)
    const entry = connection === undefined ? undefined : await this.catalog.get(attempt.tenant_id, connection.connector_key)
    if (connection === undefined || entry === undefined) {
      await this.finish(attempt, 'connection_deleted')
      return refused('unknown_attempt', 'This connection no longer exists', 'Go back to the application and create the connection again.')
    }
    try {
      const auth = schemeOf(entry.definition, connection)
      const callbackParams = auth.kind === 'oauth2' && auth.grant === 'authorization_code' ? auth.callbackParams : []
      const response = parseAuthorizationResponse(query, { expectedIssuer: attempt.issuer ?? undefined, callbackParams })
      const context = await connectionContext(this.store, entry.definition, connection, undefined, this.discovery)
      const codeVerifier = await this.store.attempts.codeVerifier(attempt)
      const tokens = await exchangeCode(context, { code: response.code, redirectUri: attempt.redirect_uri, codeVerifier, requestedScopes: attempt.requested_scopes }, this.config.http)
      const now = this.now()
      await this.store.db.transaction().execute(async (trx) => {
        await this.store.credentials.put(attempt.tenant_id, connection.id, { tokenSet: encodeTokenSet(tokens), expiresAt: tokens.expiresAt ?? null, refreshDueAt: refreshDueAt(tokens, now, this.config.refreshMarginSeconds ?? 300) }, trx)
        await this.store.connections.update(
          attempt.tenant_id,
          connection.id,
          { status: 'connected', statusReason: null, grantedScopes: tokens.scopes ?? attempt.requested_scopes, metadata: { ...connection.metadata, ...tokens.kept, ...response.kept } },
          trx
        )
        await this.store.events.add(
          attempt.tenant_id,
          connection.id,
          { kind: 'connection.connected', level: 'info', message: `Connected to ${entry.definition.name}`, detail: { scopes: tokens.scopes ?? attempt.requested_scopes, expiresAt: tokens.expiresAt?.toISOString() ?? null, refreshToken: tokens.refreshToken !== undefined } },
          trx
        )
      })
      await this.finish(attempt, 'connected')
      await this.credentials.invalidate(connection.id)
      await this.afterConnect(attempt.tenant_id, connection.id)
      return { ok: true, connectionId: connection.id, connectorName: entry.definition.name }
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      await this.finish(attempt, error.code)
      await this.store.connections.update(attempt.tenant_id, connection.id, { statusReason: error.hint })
      await this.store.events.add(attempt.tenant_id, connection.id, { kind: 'connect.failed', level: 'error', message: error.hint, detail: error.toJSON() })
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
  }

  private async finish(attempt: ConnectAttempt, outcome: string): Promise<void> {
    await this.store.attempts.setOutcome(attempt.id, outcome)
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
    default:
      return 'The connection could not be completed'
  }
}
