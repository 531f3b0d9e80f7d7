import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { startAuthorizationServer } from '@latchkey/testkit'
import {
  buildAuthorizeUrl,
  discoverAuthorizationServer,
  discoverProtectedResource,
  exchangeCode,
  parseAuthorizationResponse,
  refreshTokens,
  registerClient,
  resourceMetadataFromChallenge,
  resourceMetadataUrls,
  scopeFromChallenge
} from '../src/index.js'
import type { OAuthContext } from '../src/index.js'
import { REDIRECT_URI, connectorFor, oauthFailure } from './helpers.js'

/** A stand-in for a third-party server: answers each path as the test says. */
async function thirdParty(
  answer: (req: IncomingMessage, res: ServerResponse, origin: string) => void
): Promise<{ origin: string; close: () => Promise<void> }> {
  let origin = ''
  const server = createServer((req, res) => answer(req, res, origin))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

t.test(
  'an MCP server URL alone: its 401 names its metadata, that names the authorization server, a client is registered, and tokens are for that resource alone',
  async (t) => {
    const server = await startAuthorizationServer({ clients: [], registration: true, protectedResource: true })
    t.teardown(() => server.close())
    const resourceUrl = server.resourceUrl ?? ''

    const resource = await discoverProtectedResource(resourceUrl)
    t.equal(resource.metadataUrl, server.resourceMetadataUrl, 'read where the 401 challenge said')
    t.equal(resource.resource, resourceUrl)
    t.same(resource.authorizationServers, [server.issuer])
    t.same(resource.scopesSupported, ['read', 'write'])
    t.equal(resource.challengedScopes, undefined, 'its challenge names no scope')

    const metadata = await discoverAuthorizationServer(resource.authorizationServers[0] ?? '')
    t.equal(metadata.registrationUrl, `${server.issuer}/reg`, 'registration_endpoint is read')
    const client = await registerClient({
      registrationUrl: metadata.registrationUrl ?? '',
      redirectUri: REDIRECT_URI,
      clientName: 'Latchkey test'
    })
    t.equal(server.counters.registrations, 1)
    t.equal(client.tokenEndpointAuthMethod, 'client_secret_basic')
    t.ok(client.clientSecret, 'a confidential client: a secret')
    t.equal(client.expiresAt, undefined, 'a secret that does not expire')

    const context: OAuthContext = {
      definition: connectorFor(server, {
        tokenUrl: metadata.tokenUrl ?? '',
        authorizeUrl: metadata.authorizeUrl ?? ''
      }),
      client: { clientId: client.clientId, clientSecret: client.clientSecret },
      resource: resource.resource
    }
    const authorize = buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: ['read'] })
    t.equal(new URL(authorize.url).searchParams.get('resource'), resourceUrl, 'RFC 8707 resource on the authorize URL')
    const callback = await server.approve(authorize.url)
    const response = parseAuthorizationResponse(callback.searchParams, { expectedIssuer: server.issuer })
    const tokens = await exchangeCode(context, {
      code: response.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: authorize.codeVerifier
    })
    const call = async (token: string) =>
      fetch(resourceUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    const answered = await call(tokens.accessToken)
    t.equal(answered.status, 200, 'the resource accepts a token issued for it')
    t.same(await answered.json(), { sub: 'alice', scope: 'read', clientId: client.clientId, audience: resourceUrl })

    const refreshed = await refreshTokens(context, tokens)
    t.equal((await call(refreshed.accessToken)).status, 200, 'a refreshed token is for the resource too')

    // The same grant without the resource indicator: a token for another audience, refused.
    const elsewhere = { ...context, resource: undefined }
    const other = buildAuthorizeUrl(elsewhere, { redirectUri: REDIRECT_URI, state: 's2', scopes: ['read'] })
    const otherCallback = parseAuthorizationResponse((await server.approve(other.url)).searchParams, {
      expectedIssuer: server.issuer
    })
    const otherTokens = await exchangeCode(elsewhere, {
      code: otherCallback.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: other.codeVerifier
    })
    const refused = await call(otherTokens.accessToken)
    t.equal(refused.status, 401, 'a token issued for another resource is refused')
    t.match(refused.headers.get('www-authenticate') ?? '', /resource_metadata=.*error="invalid_token"/)
  }
)

t.test('without a challenge the well-known URLs are read, path-aware first', async (t) => {
  const asked: string[] = []
  const site = await thirdParty((req, res, origin) => {
    asked.push(req.url ?? '')
    if (req.url === '/.well-known/oauth-protected-resource/v1/mcp')
      return json(res, 200, { resource: `${origin}/v1/mcp`, authorization_servers: ['https://auth.example.com'] })
    json(
      res,
      req.url === '/v1/mcp' ? 401 : 404,
      { error: 'x' },
      req.url === '/v1/mcp' ? { 'www-authenticate': 'Bearer' } : {}
    )
  })
  t.teardown(() => site.close())
  const found = await discoverProtectedResource(`${site.origin}/v1/mcp`)
  t.same(found.authorizationServers, ['https://auth.example.com'])
  t.equal(found.scopesSupported, undefined)
  t.same(asked, ['/v1/mcp', '/.well-known/oauth-protected-resource/v1/mcp'])
  t.same(resourceMetadataUrls('https://mcp.example.com/'), [
    'https://mcp.example.com/.well-known/oauth-protected-resource'
  ])
  t.same(resourceMetadataUrls('https://mcp.example.com/a/b/'), [
    'https://mcp.example.com/.well-known/oauth-protected-resource/a/b',
    'https://mcp.example.com/.well-known/oauth-protected-resource'
  ])
})

t.test("metadata that is not this resource's, or names no usable server, is refused with a reason", async (t) => {
  const site = await thirdParty((req, res, origin) => {
    const path = req.url ?? ''
    if (path === '/.well-known/oauth-protected-resource/other')
      return json(res, 200, {
        resource: 'https://evil.example.com/mcp',
        authorization_servers: ['https://evil.example.com']
      })
    if (path === '/.well-known/oauth-protected-resource/plain-http')
      return json(res, 200, { resource: `${origin}/plain-http`, authorization_servers: ['http://auth.example.com'] })
    if (path === '/.well-known/oauth-protected-resource/garbled') return res.writeHead(200).end('<html>')
    json(res, 404, {})
  })
  t.teardown(() => site.close())
  const other = await oauthFailure(discoverProtectedResource(`${site.origin}/other`))
  t.equal(other.code, 'issuer_mismatch')
  t.match(other.hint, /names another resource.*evil\.example\.com.*RFC 9728/)
  const plain = await oauthFailure(discoverProtectedResource(`${site.origin}/plain-http`))
  t.equal(plain.code, 'discovery_failed')
  t.match(plain.hint, /lists no https authorization server/)
  const garbled = await oauthFailure(discoverProtectedResource(`${site.origin}/garbled`))
  t.match(garbled.hint, /did not answer JSON.*answered 404.*check the server URL/)
  const insecure = await oauthFailure(discoverProtectedResource('http://mcp.example.com/mcp'))
  t.match(insecure.hint, /is not an https URL/)
})

t.test('the resource_metadata of a challenge, quoted or not, https only', async (t) => {
  t.equal(
    resourceMetadataFromChallenge(
      'Bearer realm="mcp", resource_metadata="https://a.example/.well-known/oauth-protected-resource"'
    ),
    'https://a.example/.well-known/oauth-protected-resource'
  )
  t.equal(
    resourceMetadataFromChallenge('Bearer resource_metadata=https://a.example/m, error="x"'),
    'https://a.example/m'
  )
  t.equal(resourceMetadataFromChallenge('Bearer resource_metadata="http://a.example/m"'), undefined, 'not https')
  t.equal(resourceMetadataFromChallenge('Bearer error="invalid_token"'), undefined)
  t.equal(resourceMetadataFromChallenge(undefined), undefined)
})

t.test(
  "a challenge's scope, quoted or not, split on spaces; a resource's challenge is read with its metadata",
  async (t) => {
    t.same(scopeFromChallenge('Bearer resource_metadata="https://a.example/m", scope="files:read  files:write"'), [
      'files:read',
      'files:write'
    ])
    t.same(scopeFromChallenge('Bearer error="insufficient_scope", scope=mcp'), ['mcp'])
    t.equal(scopeFromChallenge('Bearer scope=""'), undefined, 'an empty scope names none')
    t.equal(scopeFromChallenge('Bearer subscope="x"'), undefined, 'only the parameter of that name')
    t.equal(scopeFromChallenge(undefined), undefined)

    const server = await startAuthorizationServer({ clients: [], protectedResource: true, challengeScopes: ['read'] })
    t.teardown(() => server.close())
    const resource = await discoverProtectedResource(server.resourceUrl ?? '')
    t.same(resource.challengedScopes, ['read'], 'what the 401 asked for')
    t.same(resource.scopesSupported, ['read', 'write'], 'beside what the metadata lists')
  }
)

t.test('a registration the server refuses, or answers without a usable client, says what to do', async (t) => {
  const closed = await startAuthorizationServer({ clients: [] })
  t.teardown(() => closed.close())
  const off = await oauthFailure(
    registerClient({ registrationUrl: `${closed.issuer}/reg`, redirectUri: REDIRECT_URI, clientName: 'x' })
  )
  t.equal(off.code, 'registration_failed')
  t.equal(off.endpoint, 'registration')
  t.equal(off.retryable, false)
  t.match(off.hint, /refused to register a client \(HTTP 404.*PUT \/v1\/connectors\/:key\/app/)

  const open = await startAuthorizationServer({ clients: [], registration: true })
  t.teardown(() => open.close())
  const badRedirect = await oauthFailure(
    registerClient({ registrationUrl: `${open.issuer}/reg`, redirectUri: 'not a url', clientName: 'x' })
  )
  t.equal(badRedirect.code, 'registration_failed')
  t.equal(badRedirect.providerError, 'invalid_redirect_uri')
  t.equal(badRedirect.status, 400)

  const publicClient = await registerClient({
    registrationUrl: `${open.issuer}/reg`,
    redirectUri: REDIRECT_URI,
    clientName: 'x',
    tokenEndpointAuthMethod: 'none'
  })
  t.equal(publicClient.tokenEndpointAuthMethod, 'none')
  t.equal(publicClient.clientSecret, undefined, 'a public client holds no secret')

  const odd = await thirdParty((req, res) => {
    if (req.url === '/no-id') return json(res, 201, { client_secret: 's' })
    if (req.url === '/no-secret')
      return json(res, 201, { client_id: 'c', token_endpoint_auth_method: 'client_secret_basic' })
    if (req.url === '/jwt') return json(res, 201, { client_id: 'c', token_endpoint_auth_method: 'private_key_jwt' })
    if (req.url === '/expiring')
      return json(res, 201, { client_id: 'c', client_secret: 's', client_secret_expires_at: 2_000_000_000 })
    json(res, 503, {})
  })
  t.teardown(() => odd.close())
  const register = (path: string) =>
    registerClient({ registrationUrl: `${odd.origin}${path}`, redirectUri: REDIRECT_URI, clientName: 'x' })
  t.match((await oauthFailure(register('/no-id'))).hint, /no client_id/)
  t.match((await oauthFailure(register('/no-secret'))).hint, /no client_secret for a confidential client/)
  t.match((await oauthFailure(register('/jwt'))).hint, /registered token_endpoint_auth_method "private_key_jwt"/)
  const down = await oauthFailure(register('/down'))
  t.equal(down.code, 'server_error')
  t.equal(down.retryable, true, 'a server failing is worth trying again')
  const expiring = await register('/expiring')
  t.same(expiring.expiresAt, new Date(2_000_000_000_000))
})

t.test('mtls_endpoint_aliases are read (RFC 8705 §5): token and revocation, https or loopback only', async (t) => {
  const site = await thirdParty((req, res, origin) => {
    const aliases =
      req.url === '/.well-known/oauth-authorization-server/odd'
        ? { token_endpoint: 'http://mtls.example.com/token', revocation_endpoint: 42 }
        : { token_endpoint: 'https://mtls.example.com/token', revocation_endpoint: 'https://mtls.example.com/revoke' }
    const issuer = `${origin}${req.url === '/.well-known/oauth-authorization-server/odd' ? '/odd' : ''}`
    json(res, 200, { issuer, token_endpoint: `${origin}/token`, mtls_endpoint_aliases: aliases })
  })
  t.teardown(() => site.close())
  const found = await discoverAuthorizationServer(site.origin)
  t.equal(found.tokenUrl, `${site.origin}/token`, 'the plain endpoint stays the token URL')
  t.same(found.mtlsEndpointAliases, {
    tokenUrl: 'https://mtls.example.com/token',
    revokeUrl: 'https://mtls.example.com/revoke'
  })
  const odd = await discoverAuthorizationServer(`${site.origin}/odd`)
  t.equal(odd.mtlsEndpointAliases, undefined, 'plain http and non-strings are not aliases')
})
