import t from 'tap'
import type { OAuth2ConnectorJson } from '@latchkey/testkit'
import { OAuthError, buildAuthorizeUrl, pkceChallenge, randomState } from '../src/index.js'

const definition: OAuth2ConnectorJson = {
  key: 'acme',
  name: 'Acme',
  version: '1.0.0',
  parameters: [{ key: 'tenant', label: 'Tenant' }],
  configValues: [{ key: 'audience', label: 'Audience', value: 'api.acme' }],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.tenant}}.acme.example/authorize?prompt=login&tenant={{parameters.tenant}}',
    tokenUrl: 'https://acme.example/token',
    scopes: { read: 'r', write: 'w' },
    scopeDelimiter: ',',
    authorizeParams: { audience: '{{config.audience}}', response_mode: 'query' },
    offlineAccess: { authorizeParams: { access_type: 'offline' } }
  }
}
const context = {
  definition,
  client: { clientId: 'client 1' },
  parameters: { tenant: 'acme' },
  config: { audience: 'api.acme' }
}

t.test('every protocol param, the delimiter, the URL’s own query and extra params', async (t) => {
  const { url, codeVerifier } = buildAuthorizeUrl(context, {
    redirectUri: 'https://latchkey.example/oauth/callback/',
    state: 'st',
    scopes: ['read', 'write'],
    extraParams: { prompt: 'consent' }
  })
  const parsed = new URL(url)
  t.equal(parsed.origin + parsed.pathname, 'https://acme.acme.example/authorize')
  t.same(Object.fromEntries(parsed.searchParams), {
    prompt: 'consent',
    tenant: 'acme',
    audience: 'api.acme',
    response_mode: 'query',
    access_type: 'offline',
    response_type: 'code',
    client_id: 'client 1',
    redirect_uri: 'https://latchkey.example/oauth/callback/',
    state: 'st',
    scope: 'read,write',
    code_challenge: pkceChallenge(codeVerifier ?? ''),
    code_challenge_method: 'S256'
  })
})

t.test('protocol params cannot be overridden by per-connection params', async (t) => {
  const { url } = buildAuthorizeUrl(context, {
    redirectUri: 'https://l.example/cb/',
    state: 'real',
    scopes: [],
    extraParams: { state: 'forged', redirect_uri: 'https://evil.example', client_id: 'x' }
  })
  const params = new URL(url).searchParams
  t.equal(params.get('state'), 'real')
  t.equal(params.get('redirect_uri'), 'https://l.example/cb/')
  t.equal(params.get('client_id'), 'client 1')
  t.equal(params.get('scope'), null, 'no scope param when no scope is asked for')
})

t.test('incremental consent: its params only on an attempt asking for more, and only if declared', async (t) => {
  const incremental = {
    ...context,
    definition: {
      ...definition,
      auth: { ...definition.auth, incrementalConsent: { authorizeParams: { include_granted_scopes: 'true' } } }
    }
  }
  const ask = (ctx: typeof context, more: boolean) =>
    new URL(
      buildAuthorizeUrl(ctx, { redirectUri: 'https://l.example/cb/', state: 's', scopes: ['write'], incremental: more })
        .url
    ).searchParams
  t.equal(ask(incremental, true).get('include_granted_scopes'), 'true', 'asking for more')
  t.equal(ask(incremental, true).get('scope'), 'write', 'only what is asked')
  t.equal(ask(incremental, false).get('include_granted_scopes'), null, 'a first connect: not sent')
  t.equal(ask(context, true).get('include_granted_scopes'), null, 'not declared: never sent')
})

t.test('PKCE: a fresh 43–128 character verifier per attempt, or none when off', async (t) => {
  const verifiers = new Set<string>()
  for (let i = 0; i < 50; i++) {
    const { codeVerifier } = buildAuthorizeUrl(context, {
      redirectUri: 'https://l.example/cb/',
      state: 's',
      scopes: []
    })
    t.ok(codeVerifier !== undefined && /^[A-Za-z0-9_-]{43,128}$/.test(codeVerifier))
    verifiers.add(codeVerifier ?? '')
  }
  t.equal(verifiers.size, 50)
  // RFC 7636 appendix B test vector.
  t.equal(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  const off = buildAuthorizeUrl(
    { ...context, definition: { ...definition, auth: { ...definition.auth, pkce: false } } },
    { redirectUri: 'https://l.example/cb/', state: 's', scopes: [] }
  )
  t.equal(off.codeVerifier, undefined)
  t.equal(new URL(off.url).searchParams.get('code_challenge'), null)
  const userScope = buildAuthorizeUrl(
    { ...context, definition: { ...definition, auth: { ...definition.auth, scopeParam: 'user_scope' } } },
    { redirectUri: 'https://l.example/cb/', state: 's', scopes: ['read', 'write'] }
  )
  t.equal(new URL(userScope.url).searchParams.get('user_scope'), 'read,write', 'scopes go in the declared param')
  t.equal(new URL(userScope.url).searchParams.get('scope'), null)
  t.not(randomState(), randomState())
  t.ok(randomState().length >= 43)
})

t.test('a missing parameter is refused before any URL is built', async (t) => {
  t.throws(
    () =>
      buildAuthorizeUrl(
        { ...context, parameters: {} },
        { redirectUri: 'https://l.example/cb/', state: 's', scopes: [] }
      ),
    { code: 'ERR_TEMPLATE' }
  )
})

t.test(
  'PKCE from the server metadata: S256 when offered, refused when only other methods are, the connector’s choice when it does not say',
  async (t) => {
    const off = { ...context, definition: { ...definition, auth: { ...definition.auth, pkce: false } } }
    const request = { redirectUri: 'https://l.example/cb/', state: 's', scopes: [] }
    const server = (methods: string[] | undefined) => ({
      authorizationResponseIssParameterSupported: false,
      codeChallengeMethodsSupported: methods
    })

    const upgraded = buildAuthorizeUrl({ ...off, server: server(['plain', 'S256']) }, request)
    t.ok(upgraded.codeVerifier, 'S256 offered: PKCE even though the connector turns it off')
    t.equal(new URL(upgraded.url).searchParams.get('code_challenge_method'), 'S256')
    t.equal(new URL(upgraded.url).searchParams.get('code_challenge'), pkceChallenge(upgraded.codeVerifier ?? ''))
    t.ok(buildAuthorizeUrl({ ...context, server: server(['S256']) }, request).codeVerifier)

    const refused = (() => {
      try {
        buildAuthorizeUrl({ ...context, server: server(['plain']) }, request)
      } catch (error) {
        return error
      }
      return undefined
    })()
    t.ok(refused instanceof OAuthError)
    t.match(refused, {
      code: 'pkce_not_supported',
      retryable: false,
      hint: /code_challenge_methods_supported without S256 \(it offers "plain"\), and this connector requires S256 PKCE/
    })
    t.throws(() => buildAuthorizeUrl({ ...context, server: server([]) }, request), {
      code: 'pkce_not_supported',
      hint: /it lists none/
    })

    t.equal(
      buildAuthorizeUrl({ ...off, server: server(['plain']) }, request).codeVerifier,
      undefined,
      'no S256 and PKCE off: none, never plain'
    )
    t.ok(
      buildAuthorizeUrl({ ...context, server: server(undefined) }, request).codeVerifier,
      'the metadata does not say: the connector decides (on)'
    )
    t.equal(
      buildAuthorizeUrl({ ...off, server: server(undefined) }, request).codeVerifier,
      undefined,
      'the metadata does not say: the connector decides (off)'
    )
  }
)
