import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { errors } from 'oidc-provider'
import type { ClientMetadata, Configuration, KoaContextWithOIDC, ResourceServer } from 'oidc-provider'
import { CookieJar } from './cookie-jar.js'
import { escapeHtml, readForm, sendHtml, sendJson } from './http-helpers.js'

/** A client registered at the test authorization server. */
export interface TestClient {
  readonly clientId: string
  /** Absent for a public client (PKCE required then). */
  readonly clientSecret?: string | undefined
  readonly redirectUris: readonly string[]
  /** @defaultValue `"client_secret_basic"`, or `"none"` without a secret */
  readonly tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none'
  /** The one algorithm a `private_key_jwt` client's assertions must use. @defaultValue `"RS256"` */
  readonly tokenEndpointAuthSigningAlg?: 'RS256' | 'PS256' | 'ES256' | 'EdDSA'
  /** The client's public keys, for `private_key_jwt` (RFC 7523). */
  readonly jwks?: { keys: readonly object[] } | undefined
  /** @defaultValue `["authorization_code", "refresh_token"]` */
  readonly grantTypes?: readonly ('authorization_code' | 'refresh_token' | 'client_credentials')[]
}

/** Options of {@link startAuthorizationServer}. */
export interface AuthorizationServerOptions {
  readonly clients: readonly TestClient[]
  /** Scopes the protected API offers. @defaultValue `["read", "write"]` */
  readonly scopes?: readonly string[]
  /** Access token lifetime. @defaultValue `3600` */
  readonly accessTokenTtlSeconds?: number
  /** Issue a new refresh token on every refresh (the old one dies). @defaultValue `true` */
  readonly rotateRefreshTokens?: boolean
  /** Refuse authorization requests without PKCE. @defaultValue `false` */
  readonly requirePkce?: boolean
  /** @defaultValue `0` (a free port) */
  readonly port?: number
  /**
   * Open dynamic client registration (RFC 7591) at `/reg`, advertised as
   * `registration_endpoint`: any client may register itself, no initial access token.
   * @defaultValue `false`
   */
  readonly registration?: boolean
  /**
   * Also start a protected resource on a port of its own, as an MCP server is: `/mcp`
   * answers 401 with `WWW-Authenticate: Bearer resource_metadata=…` until it gets a token
   * issued for it (RFC 8707 audience), and its RFC 9728 metadata names this server.
   * @defaultValue `false`
   */
  readonly protectedResource?: boolean
  /**
   * The scopes the protected resource's 401 challenge names (`WWW-Authenticate: Bearer
   * scope="…"`, RFC 6750 §3), as an MCP server that wants fewer than it lists does.
   * @defaultValue none: the challenge names no scope
   */
  readonly challengeScopes?: readonly string[]
  /**
   * Issuers the protected resource's metadata lists before this server, for clients to pass
   * over (an authorization server gone, or not one at all).
   * @defaultValue `[]`
   */
  readonly listedBefore?: readonly string[]
}

/** Counts of what the server was asked, for assertions. */
export interface AuthorizationServerCounters {
  /** Token requests by `grant_type`, successful or not. */
  readonly tokenRequests: Record<string, number>
  /** Failed token requests by `grant_type`. */
  readonly tokenErrors: Record<string, number>
  revocations: number
  apiCalls: number
  /** Clients registered dynamically (RFC 7591). */
  registrations: number
  /** Calls the protected resource answered, and those it refused for want of a token issued for it. */
  resourceCalls: number
  resourceRefusals: number
}

/** Options of {@link AuthorizationServer.approve}. */
export interface ApproveOptions {
  /** The account that signs in. @defaultValue `"alice"` */
  readonly user?: string
  /** Deny instead of approving. */
  readonly deny?: boolean
}

/** A running test authorization server. */
export interface AuthorizationServer {
  /** The issuer identifier (`iss`), also the base URL. */
  readonly issuer: string
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly revokeUrl: string
  /** A protected endpoint that answers `{ sub, scope, clientId }` for a valid bearer token. */
  readonly apiUrl: string
  /** The API base URL (`apiUrl` without `/me`). */
  readonly apiBaseUrl: string
  readonly counters: AuthorizationServerCounters
  /** The protected resource's URL (its RFC 8707 identifier), with `protectedResource`. */
  readonly resourceUrl: string | undefined
  /** The protected resource's RFC 9728 metadata URL, with `protectedResource`. */
  readonly resourceMetadataUrl: string | undefined
  /**
   * Plays the end customer without a browser: follows the authorize URL, signs in, approves
   * (or denies), and returns the callback URL the provider redirected to, with `code` and
   * `state` (or `error`).
   */
  approve(authorizeUrl: string, options?: ApproveOptions): Promise<URL>
  /** Stops the server and every open connection. */
  close(): Promise<void>
}

const OIDC_SCOPES = new Set(['openid', 'offline_access', 'profile', 'email'])

function rsaJwk(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'testkit' }
}

/** An HTTP server on 127.0.0.1. */
async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return { server, port: (server.address() as AddressInfo).port }
}

function consentPage(uid: string, clientId: string, scopes: readonly string[]): string {
  const items = scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in and approve – Latchkey test authorization server</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:1rem 0 .25rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}button{font:inherit;padding:.5rem 1rem;margin:1rem .5rem 0 0}</style>
</head><body>
<main>
<h1>Sign in to the test provider</h1>
<p><strong>${escapeHtml(clientId)}</strong> asks for access to your account:</p>
<ul>${items || '<li>no particular scope</li>'}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="user">User name</label>
<input id="user" name="user" autocomplete="username" value="alice" required>
<button type="submit" name="action" value="approve" id="approve">Approve</button>
<button type="submit" name="action" value="deny" id="deny">Deny</button>
</form>
</main>
</body></html>`
}

/**
 * Starts a real OAuth 2.0 authorization server on 127.0.0.1, built on `oidc-provider`:
 * authorization code with PKCE, refresh tokens (rotating or not), RFC 7009 revocation,
 * access tokens for a protected API with the lifetime the caller sets, a real HTML sign-in
 * and consent page, and {@link AuthorizationServer.approve} for HTTP clients.
 */
export async function startAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const apiScopes = [...(options.scopes ?? ['read', 'write'])]
  const counters: AuthorizationServerCounters = {
    tokenRequests: {},
    tokenErrors: {},
    revocations: 0,
    apiCalls: 0,
    registrations: 0,
    resourceCalls: 0,
    resourceRefusals: 0
  }
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503
    res.end()
  }
  const { server, port } = await listen((req, res) => handler(req, res), options.port ?? 0)
  const issuer = `http://127.0.0.1:${port}`
  const resource = `${issuer}/api`
  const routes = {
    authorization: '/oauth/authorize',
    token: '/oauth/token',
    revocation: '/oauth/revoke',
    registration: '/reg'
  }
  let resourceHandler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503
    res.end()
  }
  const resourceServer =
    options.protectedResource === true ? await listen((req, res) => resourceHandler(req, res), 0) : undefined
  const resourceOrigin = resourceServer === undefined ? undefined : `http://127.0.0.1:${resourceServer.port}`
  const mcpResource = resourceOrigin === undefined ? undefined : `${resourceOrigin}/mcp`
  const mcpMetadataUrl =
    resourceOrigin === undefined ? undefined : `${resourceOrigin}/.well-known/oauth-protected-resource/mcp`
  const audiences = [resource, ...(mcpResource === undefined ? [] : [mcpResource])]

  const clients: ClientMetadata[] = options.clients.map((client) => ({
    client_id: client.clientId,
    ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
    redirect_uris: [...client.redirectUris],
    grant_types: [...(client.grantTypes ?? ['authorization_code', 'refresh_token'])],
    response_types: (client.grantTypes ?? ['authorization_code']).includes('authorization_code') ? ['code'] : [],
    token_endpoint_auth_method:
      client.tokenEndpointAuthMethod ?? (client.clientSecret === undefined ? 'none' : 'client_secret_basic'),
    ...(client.jwks === undefined ? {} : { jwks: { keys: [...client.jwks.keys] as never[] } }),
    ...(client.tokenEndpointAuthMethod === 'private_key_jwt'
      ? { token_endpoint_auth_signing_alg: client.tokenEndpointAuthSigningAlg ?? 'RS256' }
      : {})
  }))

  const resourceInfo = (audience: string): ResourceServer => ({
    scope: apiScopes.join(' '),
    audience,
    accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
    accessTokenFormat: 'opaque'
  })
  const configuration: Configuration = {
    clients,
    jwks: { keys: [rsaJwk() as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes,
    scopes: ['openid', 'offline_access'],
    pkce: { required: () => options.requirePkce ?? false },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      registration: { enabled: options.registration === true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (!audiences.includes(indicator)) throw new errors.InvalidTarget(`unknown resource ${indicator}`)
          return resourceInfo(indicator)
        }
      }
    },

    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => options.rotateRefreshTokens ?? true,
    ttl: {
      AccessToken: () => options.accessTokenTtlSeconds ?? 3600,
      RefreshToken: () => 14 * 24 * 3600,
      AuthorizationCode: () => 60,
      Interaction: () => 600,
      Grant: () => 14 * 24 * 3600,
      Session: () => 3600
    },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><h1>${escapeHtml(String(out.error))}</h1><p>${escapeHtml(String(out.error_description ?? ''))}</p></body></html>`
    }
  }
  const provider = new Provider(issuer, configuration)
  const grantTypeOf = (ctx: KoaContextWithOIDC): string =>
    String((ctx.oidc?.params as { grant_type?: unknown } | undefined)?.grant_type ?? 'unknown')
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const grant = grantTypeOf(ctx)
    counters.tokenRequests[grant] = (counters.tokenRequests[grant] ?? 0) + 1
  })
  provider.on('grant.error', (ctx: KoaContextWithOIDC) => {
    const grant = grantTypeOf(ctx)
    counters.tokenRequests[grant] = (counters.tokenRequests[grant] ?? 0) + 1
    counters.tokenErrors[grant] = (counters.tokenErrors[grant] ?? 0) + 1
  })
  provider.on('registration_create.success', () => {
    counters.registrations += 1
  })
  const oidc = provider.callback()

  /** Refuses unknown scopes the way real providers do: back to the client with `invalid_scope`. */
  function refuseUnknownScope(url: URL, res: ServerResponse): boolean {
    const scope = url.searchParams.get('scope')
    const redirectUri = url.searchParams.get('redirect_uri')
    const client = clients.find((c) => c.client_id === url.searchParams.get('client_id'))
    if (scope === null || redirectUri === null || client?.redirect_uris?.includes(redirectUri) !== true) return false
    const unknown = scope.split(' ').filter((s) => s !== '' && !OIDC_SCOPES.has(s) && !apiScopes.includes(s))
    if (unknown.length === 0) return false
    const back = new URL(redirectUri)
    back.searchParams.set('error', 'invalid_scope')
    back.searchParams.set('error_description', `unknown scope: ${unknown.join(' ')}`)
    const state = url.searchParams.get('state')
    if (state !== null) back.searchParams.set('state', state)
    back.searchParams.set('iss', issuer)
    res.writeHead(303, { location: back.toString() }).end()
    return true
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res)
    if (details.uid !== uid) {
      sendHtml(res, 400, '<h1>This sign-in page has expired</h1>')
      return
    }
    const clientId = String(details.params.client_id)
    const requested = String(details.params.scope ?? '')
      .split(' ')
      .filter((s) => s !== '')
    if (req.method === 'GET') {
      sendHtml(res, 200, consentPage(uid, clientId, requested))
      return
    }
    const form = await readForm(req)
    if (form.get('action') !== 'approve') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user denied access' },
        { mergeWithLastSubmission: false }
      )
      return
    }
    const accountId = form.get('user')?.trim() || 'alice'
    const grant = new provider.Grant({ accountId, clientId })
    const oidcScopes = requested.filter((s) => OIDC_SCOPES.has(s))
    if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '))
    const granted = requested.filter((s) => apiScopes.includes(s))
    const asked = details.params.resource
    grant.addResourceScope(typeof asked === 'string' && audiences.includes(asked) ? asked : resource, granted.join(' '))
    const grantId = await grant.save()
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false }
    )
  }

  async function protectedApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.apiCalls += 1
    const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '')
    const value = match?.[1]
    const token =
      value === undefined
        ? undefined
        : ((await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value)))
    if (token === undefined || token.isExpired) {
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"')
      sendJson(res, 401, { error: 'invalid_token' })
      return
    }
    sendJson(res, 200, {
      sub: 'accountId' in token ? token.accountId : token.clientId,
      scope: token.scope ?? '',
      clientId: token.clientId
    })
  }

  const challengeScope = options.challengeScopes === undefined ? '' : `, scope="${options.challengeScopes.join(' ')}"`
  /** The protected resource: its RFC 9728 metadata, and `/mcp` for tokens issued for it alone. */
  async function protectedResource(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', resourceOrigin)
    if (url.pathname === '/.well-known/oauth-protected-resource/mcp' && req.method === 'GET') {
      sendJson(res, 200, {
        resource: mcpResource,
        authorization_servers: [...(options.listedBefore ?? []), issuer],
        scopes_supported: apiScopes,
        bearer_methods_supported: ['header']
      })
      return
    }
    if (url.pathname !== '/mcp' && !url.pathname.startsWith('/mcp/')) {
      sendJson(res, 404, { error: 'not_found' })
      return
    }
    const value = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = value === undefined ? undefined : await provider.AccessToken.find(value)
    if (token === undefined || token.isExpired || token.aud !== mcpResource) {
      counters.resourceRefusals += 1
      res.setHeader(
        'www-authenticate',
        `Bearer resource_metadata="${mcpMetadataUrl}"${challengeScope}${value === undefined ? '' : ', error="invalid_token"'}`
      )
      sendJson(res, 401, { error: value === undefined ? 'unauthorized' : 'invalid_token' })
      return
    }
    counters.resourceCalls += 1
    sendJson(res, 200, {
      sub: token.accountId,
      scope: token.scope ?? '',
      clientId: token.clientId,
      audience: token.aud
    })
  }
  resourceHandler = (req, res) => {
    protectedResource(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' })
      else res.destroy()
    })
  }

  handler = (req, res) => {
    const url = new URL(req.url ?? '/', issuer)
    const route = async (): Promise<void> => {
      const uid = /^\/interaction\/([^/]+)$/.exec(url.pathname)?.[1]
      if (uid !== undefined) return interaction(req, res, uid)
      if (url.pathname === '/api/me' && req.method === 'GET') return protectedApi(req, res)
      if (url.pathname === routes.authorization && req.method === 'GET' && refuseUnknownScope(url, res)) return
      if (url.pathname === routes.revocation && req.method === 'POST') counters.revocations += 1
      oidc(req, res)
    }
    route().catch((error: unknown) => {
      if (!res.headersSent)
        sendHtml(res, 500, `<h1>Test server error</h1><p>${escapeHtml((error as Error).message)}</p>`)
      else res.destroy()
    })
  }

  async function approve(authorizeUrl: string, approveOptions: ApproveOptions = {}): Promise<URL> {
    const jar = new CookieJar()
    let next = new URL(authorizeUrl)
    for (let hop = 0; hop < 10; hop++) {
      if (next.origin !== issuer) return next
      let response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header(next) } })
      jar.store(next, response)
      const interactionUid = /^\/interaction\/([^/]+)$/.exec(next.pathname)?.[1]
      if (interactionUid !== undefined && response.status === 200) {
        await response.body?.cancel()
        const body = new URLSearchParams({
          user: approveOptions.user ?? 'alice',
          action: approveOptions.deny === true ? 'deny' : 'approve'
        })
        response = await fetch(next, {
          method: 'POST',
          redirect: 'manual',
          body,
          headers: { cookie: jar.header(next), 'content-type': 'application/x-www-form-urlencoded' }
        })
        jar.store(next, response)
      }
      const location = response.headers.get('location')
      if (location === null) {
        const text = await response.text()
        throw new Error(
          `the authorization server answered ${response.status} at ${next.pathname}: ${text
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 300)}`
        )
      }
      await response.body?.cancel()
      next = new URL(location, next)
    }
    throw new Error('too many redirects while approving')
  }

  return {
    issuer,
    authorizeUrl: `${issuer}${routes.authorization}`,
    tokenUrl: `${issuer}${routes.token}`,
    revokeUrl: `${issuer}${routes.revocation}`,
    apiUrl: `${issuer}/api/me`,
    apiBaseUrl: `${issuer}/api`,
    counters,
    resourceUrl: mcpResource,
    resourceMetadataUrl: mcpMetadataUrl,
    approve,
    close: async () => {
      await Promise.all(
        [server, resourceServer?.server].map(
          (each) =>
            new Promise<void>((resolve, reject) => {
              if (each === undefined) return resolve()
              each.close((error) => (error === undefined ? resolve() : reject(error)))
              each.closeAllConnections()
            })
        )
      )
    }
  }
}
