import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { resolveScheme } from '@latchkey/connector-sdk'
import type { JwtBearerAuth, ResolvedJwtBearer } from '@latchkey/connector-sdk'
import { JWT_BEARER_GRANT, OAuthError, fetchJwtBearerToken, privateKeyProblem } from '../src/index.js'

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

async function tokenServer(
  t: Test,
  status: number,
  answer: unknown
): Promise<{ url: string; forms: URLSearchParams[] }> {
  const forms: URLSearchParams[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      forms.push(new URLSearchParams(body))
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, forms }
}

const scheme = (auth: Partial<JwtBearerAuth>): ResolvedJwtBearer =>
  resolveScheme({
    kind: 'jwtBearer',
    tokenUrl: 'https://placeholder.example/token',
    fields: [
      { key: 'clientId', label: 'Consumer key', secret: false },
      { key: 'username', label: 'User', secret: false },
      { key: 'privateKey', label: 'Private key' }
    ],
    assertion: { issuer: '{{credentials.clientId}}' },
    ...auth
  } as JwtBearerAuth) as ResolvedJwtBearer

t.test('an assertion signed with the customer key, claims as declared, scopes where they go', async (t) => {
  const server = await tokenServer(t, 200, { access_token: 'at-1', token_type: 'Bearer', expires_in: 3599 })
  const now = Date.now()
  const tokens = await fetchJwtBearerToken(
    scheme({
      tokenUrl: server.url,
      assertion: {
        issuer: '{{credentials.clientId}}',
        subject: '{{credentials.username}}',
        audience: 'https://login.salesforce.com',
        lifetimeSeconds: 300,
        claims: { tenant: '{{parameters.tenant}}' }
      },
      scopeIn: 'request'
    }),
    { credentials: { clientId: '3MVG9', username: 'ada@acme.example', privateKey: pem }, parameters: { tenant: 't1' } },
    ['api', 'refresh_token'],
    { now: () => now }
  )
  t.match(tokens, { accessToken: 'at-1', refreshToken: undefined })
  t.equal(tokens.expiresAt?.getTime(), now + 3599_000)
  const form = server.forms[0]
  t.equal(form?.get('grant_type'), JWT_BEARER_GRANT)
  t.equal(form?.get('scope'), 'api refresh_token', 'scopeIn request: the scope param')
  const { payload, protectedHeader } = await jwtVerify(form?.get('assertion') ?? '', publicKey, {
    issuer: '3MVG9',
    audience: 'https://login.salesforce.com',
    subject: 'ada@acme.example',
    currentDate: new Date(now)
  })
  t.equal(protectedHeader.alg, 'RS256')
  t.equal(payload.tenant, 't1')
  t.equal((payload.exp ?? 0) - (payload.iat ?? 0), 300)
  t.type(payload.jti, 'string')
  t.equal(payload.scope, undefined)
})

t.test('Google style: the scope claim, the token URL as audience, the key id in the header', async (t) => {
  const server = await tokenServer(t, 200, { access_token: 'at-2', expires_in: 3600 })
  await fetchJwtBearerToken(
    scheme({ tokenUrl: server.url, serviceAccount: true, assertion: { issuer: '{{credentials.client_email}}' } }),
    { credentials: { client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem, private_key_id: 'kid-9' } },
    ['https://www.googleapis.com/auth/drive.readonly']
  )
  const assertion = server.forms[0]?.get('assertion') ?? ''
  t.equal(decodeProtectedHeader(assertion).kid, 'kid-9')
  const { payload } = await jwtVerify(assertion, publicKey, { audience: server.url })
  t.equal(payload.scope, 'https://www.googleapis.com/auth/drive.readonly')
  t.equal(server.forms[0]?.get('scope'), null)
})

t.test('a refused assertion is invalid_grant with a hint; the key and assertion are never in the error', async (t) => {
  const server = await tokenServer(t, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' })
  const error = await fetchJwtBearerToken(
    scheme({ tokenUrl: server.url }),
    { credentials: { clientId: 'c', username: 'u', privateKey: pem } },
    []
  ).catch((e: unknown) => e)
  t.ok(error instanceof OAuthError)
  t.match(error, {
    code: 'invalid_grant',
    endpoint: 'assertion',
    retryable: false,
    description: 'Invalid JWT Signature.'
  })
  t.match((error as OAuthError).hint, /refused the signed assertion/)
  const text = JSON.stringify((error as OAuthError).toJSON())
  t.notOk(text.includes('PRIVATE KEY') || text.includes(server.forms[0]?.get('assertion') ?? 'none'))
})

t.test('private keys are checked without being quoted', async (t) => {
  t.equal(privateKeyProblem(pem), undefined)
  t.equal(privateKeyProblem(JSON.stringify(privateKey.export({ format: 'jwk' }))), undefined, 'a private JWK')
  t.match(privateKeyProblem('not a key'), /must be a private key: a PKCS #8 PEM/)
  t.match(privateKeyProblem(JSON.stringify(publicKey.export({ format: 'jwk' }))), /must be a private key/)
})
