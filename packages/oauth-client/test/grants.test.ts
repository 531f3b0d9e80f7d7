import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import { startAuthorizationServer, startQuirkyProvider } from '@latchkey/testkit'
import type { QuirkyModes } from '@latchkey/testkit'
import {
  buildAuthorizeUrl,
  discoverAuthorizationServer,
  exchangeCode,
  fetchClientToken,
  metadataUrls,
  parseAuthorizationResponse,
  refreshTokens,
  revokeTokenSet
} from '../src/index.js'
import type { OAuthContext } from '../src/index.js'
import { REDIRECT_URI, oauthFailure } from './helpers.js'

const SECRET = 'the-client-secret'

function clientCredentialsConnector(
  tokenUrl: string | undefined,
  extra: Record<string, unknown> = {}
): ConnectorDefinitionJson {
  return {
    key: 'machine',
    name: 'Machine',
    version: '1.0.0',
    auth: {
      kind: 'oauth2',
      grant: 'client_credentials',
      ...(tokenUrl === undefined ? {} : { tokenUrl }),
      scopes: { read: 'Read', write: 'Write' },
      defaultScopes: ['read'],
      ...extra
    } as never,
    http: { baseUrl: 'http://127.0.0.1:1/api' }
  }
}

async function callApi(
  apiUrl: string,
  accessToken: string
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(apiUrl, { headers: { authorization: `Bearer ${accessToken}` } })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

t.test('client credentials against oidc-provider: a token for the client, its scopes, no refresh token', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'machine', clientSecret: SECRET, redirectUris: [], grantTypes: ['client_credentials'] }]
  })
  t.teardown(() => server.close())
  const context: OAuthContext = {
    definition: clientCredentialsConnector(server.tokenUrl),
    client: { clientId: 'machine', clientSecret: SECRET }
  }
  const tokens = await fetchClientToken(context, ['read'])
  t.equal(tokens.refreshToken, undefined)
  t.ok(tokens.expiresAt !== undefined)
  t.same(server.counters.tokenRequests, { client_credentials: 1 })
  const api = await callApi(server.apiUrl, tokens.accessToken)
  t.equal(api.status, 200)
  t.match(api.body, { sub: 'machine', clientId: 'machine', scope: 'read' })

  const wrong = await oauthFailure(
    fetchClientToken({ ...context, client: { clientId: 'machine', clientSecret: 'nope' } }, ['read'])
  )
  t.equal(wrong.code, 'invalid_client')
  t.notMatch(JSON.stringify(wrong.toJSON()), /nope/)
  await t.rejects(
    fetchClientToken(
      { definition: { ...context.definition, auth: { kind: 'apiKey' } } as never, client: context.client },
      []
    ),
    /not OAuth 2\.0/
  )
})

t.test('private_key_jwt (RFC 7523): a signed assertion instead of a secret, from a PEM or a JWK', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }
  const server = await startAuthorizationServer({
    clients: [
      {
        clientId: 'signed',
        redirectUris: [REDIRECT_URI],
        tokenEndpointAuthMethod: 'private_key_jwt',
        jwks: { keys: [publicJwk] },
        grantTypes: ['client_credentials', 'authorization_code', 'refresh_token']
      }
    ]
  })
  t.teardown(() => server.close())
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const jwk = JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' })
  // A PEM pasted into a one-line field loses its line breaks (or they become spaces).
  const flattened = pem.trim().replace(/\n/g, '')
  const spaced = pem.trim().replace(/\n/g, ' ')
  for (const [name, secret] of [
    ['PEM', pem],
    ['JWK', jwk],
    ['PEM without line breaks', flattened],
    ['PEM with spaces for line breaks', spaced]
  ] as const) {
    const context: OAuthContext = {
      definition: clientCredentialsConnector(server.tokenUrl, { clientAuthMethod: 'private_key_jwt' }),
      client: { clientId: 'signed', clientSecret: secret }
    }
    const tokens = await fetchClientToken(context, ['read'])
    t.equal((await callApi(server.apiUrl, tokens.accessToken)).status, 200, `client credentials with a ${name} key`)
  }
  // The authorization code grant authenticates the same way at the token endpoint, and on refresh.
  const codeContext: OAuthContext = {
    definition: {
      key: 'signed',
      name: 'Signed',
      version: '1.0.0',
      auth: {
        kind: 'oauth2',
        grant: 'authorization_code',
        authorizeUrl: server.authorizeUrl,
        tokenUrl: server.tokenUrl,
        clientAuthMethod: 'private_key_jwt',
        scopes: { read: 'Read', offline_access: 'Offline' }
      }
    },
    client: { clientId: 'signed', clientSecret: pem }
  }
  const authorize = buildAuthorizeUrl(codeContext, {
    redirectUri: REDIRECT_URI,
    state: 's',
    scopes: ['read', 'offline_access']
  })
  const callback = parseAuthorizationResponse((await server.approve(authorize.url)).searchParams, {
    expectedIssuer: server.issuer
  })
  const tokens = await exchangeCode(codeContext, {
    code: callback.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: authorize.codeVerifier
  })
  t.ok(tokens.refreshToken)
  const refreshed = await refreshTokens(codeContext, tokens)
  t.equal((await callApi(server.apiUrl, refreshed.accessToken)).status, 200)

  const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString()
  const forged = await oauthFailure(
    fetchClientToken(
      {
        definition: clientCredentialsConnector(server.tokenUrl, { clientAuthMethod: 'private_key_jwt' }),
        client: { clientId: 'signed', clientSecret: other }
      },
      ['read']
    )
  )
  t.equal(forged.code, 'invalid_client', 'a key the server does not know is refused')
  await t.rejects(
    fetchClientToken(
      {
        definition: clientCredentialsConnector(server.tokenUrl, { clientAuthMethod: 'private_key_jwt' }),
        client: { clientId: 'signed', clientSecret: 'not a key' }
      },
      ['read']
    ),
    {
      name: 'TypeError',
      message: 'the client secret must be a private key for private_key_jwt: a PKCS #8 PEM or a private JWK as JSON'
    }
  )
  await t.rejects(
    fetchClientToken(
      {
        definition: clientCredentialsConnector(server.tokenUrl, { clientAuthMethod: 'private_key_jwt' }),
        client: { clientId: 'signed', clientSecret: JSON.stringify(publicJwk) }
      },
      ['read']
    ),
    /no private part/
  )
})

t.test('discovery: endpoints from the issuer metadata, whose issuer must match', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'app', clientSecret: SECRET, redirectUris: [REDIRECT_URI] }]
  })
  t.teardown(() => server.close())
  const found = await discoverAuthorizationServer(server.issuer)
  t.same(
    found,
    {
      issuer: server.issuer,
      authorizeUrl: server.authorizeUrl,
      tokenUrl: server.tokenUrl,
      revokeUrl: server.revokeUrl,
      authorizationResponseIssParameterSupported: true,
      codeChallengeMethodsSupported: ['S256']
    },
    'oidc-provider serves OpenID metadata; RFC 8414 is tried first'
  )
  // A definition that names only the issuer connects with what was discovered.
  const definition: ConnectorDefinitionJson = {
    key: 'disc',
    name: 'Disc',
    version: '1.0.0',
    auth: { kind: 'oauth2', grant: 'authorization_code', issuer: server.issuer, scopes: { read: 'Read' } }
  }
  const context: OAuthContext = {
    definition,
    client: { clientId: 'app', clientSecret: SECRET },
    overrides: found,
    server: found
  }
  const authorize = buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: ['read'] })
  t.ok(authorize.url.startsWith(server.authorizeUrl))
  const callback = parseAuthorizationResponse((await server.approve(authorize.url)).searchParams, {
    expectedIssuer: server.issuer,
    issuerRequired: found.authorizationResponseIssParameterSupported
  })
  t.equal(callback.issuer, server.issuer, 'oidc-provider names itself, as its metadata promises')
  const tokens = await exchangeCode(context, {
    code: callback.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: authorize.codeVerifier
  })
  t.equal((await callApi(server.apiUrl, tokens.accessToken)).status, 200)
  t.throws(
    () =>
      buildAuthorizeUrl({ ...context, overrides: undefined }, { redirectUri: REDIRECT_URI, state: 's', scopes: [] }),
    /authorize URL of "oauth2" is not known: declare it, or discover it from the issuer first/
  )

  t.same(metadataUrls('https://login.example/tenant-1/'), [
    'https://login.example/.well-known/oauth-authorization-server/tenant-1',
    'https://login.example/tenant-1/.well-known/openid-configuration'
  ])
  const quirky = await startQuirkyProvider({ clientId: 'app', clientSecret: SECRET })
  t.teardown(() => quirky.close())
  t.match(
    await discoverAuthorizationServer(quirky.issuer),
    {
      tokenUrl: quirky.tokenUrl,
      revokeUrl: quirky.revokeUrl,
      authorizationResponseIssParameterSupported: false,
      codeChallengeMethodsSupported: undefined
    },
    'RFC 8414 metadata'
  )
  quirky.setModes({ metadataIssParameterSupported: true, metadataCodeChallengeMethods: ['plain', 'S256'] })
  t.match(
    await discoverAuthorizationServer(quirky.issuer),
    { authorizationResponseIssParameterSupported: true, codeChallengeMethodsSupported: ['plain', 'S256'] },
    'RFC 9207 iss support and PKCE methods are read'
  )
  quirky.setModes({ metadataIssParameterSupported: false, metadataCodeChallengeMethods: undefined })
  quirky.setModes({ metadataIssuer: 'https://evil.example' })
  const mismatch = await oauthFailure(discoverAuthorizationServer(quirky.issuer))
  t.equal(mismatch.code, 'issuer_mismatch')
  t.match(
    mismatch.hint,
    /metadata names another issuer \(expected "http:\/\/127\.0\.0\.1:\d+", got "https:\/\/evil\.example"\)/
  )

  const empty = createServer((_req, res) => res.writeHead(404).end())
  await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => empty.close(() => resolve())))
  const missing = await oauthFailure(
    discoverAuthorizationServer(`http://127.0.0.1:${(empty.address() as AddressInfo).port}`)
  )
  t.equal(missing.code, 'discovery_failed')
  t.match(missing.hint, /oauth-authorization-server answered 404; .*openid-configuration answered 404/)

  // A failing server is not a server without metadata: worth trying again.
  const statuses = [503, 404, 429, 404]
  const busy = createServer((_req, res) => res.writeHead(statuses.shift() ?? 500).end())
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => busy.close(() => resolve())))
  const busyIssuer = `http://127.0.0.1:${(busy.address() as AddressInfo).port}`
  t.match(await oauthFailure(discoverAuthorizationServer(busyIssuer)), {
    code: 'server_error',
    retryable: true,
    status: 503
  })
  t.match(await oauthFailure(discoverAuthorizationServer(busyIssuer)), {
    code: 'temporarily_unavailable',
    retryable: true
  })
})

t.test('revocation shapes: RFC 7009, bearer-authenticated, JSON body, DELETE', async (t) => {
  const quirky = await startQuirkyProvider({ clientId: 'app', clientSecret: SECRET })
  t.teardown(() => quirky.close())
  async function connected(
    revokeRequest: Record<string, unknown> | undefined,
    modes: Partial<QuirkyModes>
  ): Promise<{ context: OAuthContext; tokens: { accessToken: string; refreshToken?: string | undefined } }> {
    quirky.setModes({ revokeAuth: 'client', revokeFormat: 'any', revokeClientAuth: undefined, ...modes })
    const definition: ConnectorDefinitionJson = {
      key: 'q',
      name: 'Q',
      version: '1.0.0',
      auth: {
        kind: 'oauth2',
        grant: 'authorization_code',
        authorizeUrl: quirky.authorizeUrl,
        tokenUrl: quirky.tokenUrl,
        revokeUrl: quirky.revokeUrl,
        ...(revokeRequest === undefined ? {} : { revokeRequest })
      } as never
    }
    const context: OAuthContext = { definition, client: { clientId: 'app', clientSecret: SECRET } }
    const authorize = buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: ['read'] })
    const location = new URL((await fetch(authorize.url, { redirect: 'manual' })).headers.get('location') ?? '')
    const code = location.searchParams.get('code') ?? ''
    return {
      context,
      tokens: await exchangeCode(context, { code, redirectUri: REDIRECT_URI, codeVerifier: authorize.codeVerifier })
    }
  }
  let { context, tokens } = await connected(undefined, { revokeFormat: 'form' })
  let before = quirky.counters.revocations
  t.equal(await revokeTokenSet(context, tokens), 'revoked')
  t.equal(quirky.counters.revocations - before, 2, 'RFC 7009: refresh token, then access token')
  t.match(quirky.counters.lastRevocation, {
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    authorization: 'basic',
    token: 'access'
  })

  ;({ context, tokens } = await connected(
    { authentication: 'bearer', token: 'access', format: 'none' },
    { revokeAuth: 'bearer' }
  ))
  before = quirky.counters.revocations
  t.equal(await revokeTokenSet(context, tokens), 'revoked')
  t.equal(quirky.counters.revocations - before, 1, 'one request')
  t.match(quirky.counters.lastRevocation, { method: 'POST', contentType: '', authorization: 'bearer', token: 'access' })
  t.equal((await callApi(`${quirky.apiBaseUrl}/x`, tokens.accessToken)).status, 401, 'the grant is gone')

  ;({ context, tokens } = await connected({ format: 'json' }, { revokeFormat: 'json' }))
  t.equal(await revokeTokenSet(context, tokens), 'revoked')
  t.match(quirky.counters.lastRevocation, {
    method: 'POST',
    contentType: 'application/json',
    authorization: 'basic',
    token: 'refresh'
  })

  ;({ context, tokens } = await connected(
    { method: 'DELETE', authentication: 'bearer', token: 'access', format: 'json', tokenParam: 'access_token' },
    { revokeAuth: 'bearer', revokeFormat: 'json' }
  ))
  t.equal(await revokeTokenSet(context, tokens), 'revoked')
  t.match(quirky.counters.lastRevocation, {
    method: 'DELETE',
    contentType: 'application/json',
    authorization: 'bearer',
    token: 'access'
  })

  // Zoho: the token in the query string, one request (a second for a dead grant is refused).
  ;({ context, tokens } = await connected({ format: 'query' }, { revokeFormat: 'query' }))
  before = quirky.counters.revocations
  t.equal(await revokeTokenSet(context, tokens), 'revoked')
  t.equal(quirky.counters.revocations - before, 1, 'one request, with the refresh token')
  t.match(quirky.counters.lastRevocation, { method: 'POST', contentType: '', authorization: 'basic', token: 'refresh' })
  t.equal((await callApi(`${quirky.apiBaseUrl}/x`, tokens.accessToken)).status, 401, 'the grant is gone')
  t.equal(
    (await oauthFailure(revokeTokenSet(context, tokens))).code,
    'invalid_request',
    'this provider refuses a token it no longer knows, which is why one request is sent'
  )
  ;({ context, tokens } = await connected(undefined, { revokeFormat: 'query' }))
  t.equal(
    (await oauthFailure(revokeTokenSet(context, tokens))).code,
    'invalid_request',
    'a form body where the query is wanted is refused'
  )

  // Square: `Authorization: Client <secret>`, a JSON body with client_id and access_token, one request.
  ;({ context, tokens } = await connected(
    {
      token: 'access',
      format: 'json',
      tokenParam: 'access_token',
      clientSecretHeader: { name: 'Authorization', prefix: 'Client ' },
      params: { client_id: '{{client.id}}' }
    },
    { revokeFormat: 'json', revokeClientAuth: 'client_header' }
  ))
  before = quirky.counters.revocations
  t.equal(await revokeTokenSet(context, tokens), 'revoked')
  t.equal(quirky.counters.revocations - before, 1)
  t.match(quirky.counters.lastRevocation, { contentType: 'application/json', authorization: 'client', token: 'access' })
  t.equal((await callApi(`${quirky.apiBaseUrl}/x`, tokens.accessToken)).status, 401, 'the grant is gone')
  ;({ context, tokens } = await connected(
    { token: 'access', format: 'json', tokenParam: 'access_token' },
    { revokeFormat: 'json', revokeClientAuth: 'client_header' }
  ))
  t.equal(
    (await oauthFailure(revokeTokenSet(context, tokens))).code,
    'invalid_client',
    'Basic where the secret header is wanted is refused'
  )

  ;({ context, tokens } = await connected({ format: 'form' }, { revokeFormat: 'json' }))
  const refused = await oauthFailure(revokeTokenSet(context, tokens))
  t.equal(refused.code, 'invalid_request', 'a provider that wants JSON refuses a form body, and says so')
})

t.test(
  'private_key_jwt with the audience the server names (Auth0: its tenant URL), rendered from parameters',
  async (t) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const server = await startAuthorizationServer({
      clients: [
        {
          clientId: 'signed',
          redirectUris: [REDIRECT_URI],
          tokenEndpointAuthMethod: 'private_key_jwt',
          tokenEndpointAuthSigningAlg: 'ES256',
          jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'ES256' }] },
          grantTypes: ['client_credentials']
        }
      ]
    })
    t.teardown(() => server.close())
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const contextFor = (audience: string): OAuthContext => ({
      definition: clientCredentialsConnector(server.tokenUrl, {
        clientAuthMethod: 'private_key_jwt',
        clientAssertionAudience: audience
      }),
      client: { clientId: 'signed', clientSecret: pem },
      parameters: { tenantUrl: server.issuer }
    })
    const tokens = await fetchClientToken(contextFor('{{parameters.tenantUrl}}'), ['read'])
    t.equal((await callApi(server.apiUrl, tokens.accessToken)).status, 200, 'the issuer as aud is accepted')
    const refused = await oauthFailure(fetchClientToken(contextFor('https://elsewhere.example.com/'), ['read']))
    t.equal(refused.code, 'invalid_client', 'an assertion for another audience is refused: the declared one is used')
  }
)
