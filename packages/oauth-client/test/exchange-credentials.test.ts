import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { resolveScheme } from '@latchkey/connector-sdk'
import type { ResolvedTokenExchange, TokenExchangeAuth } from '@latchkey/connector-sdk'
import { OAuthError, endSession, exchangeCredentials } from '../src/index.js'

interface Seen {
  method: string
  headers: IncomingMessage['headers']
  body: string
}

/** A login endpoint answering what each test says, recording what it was sent. */
async function loginServer(
  t: Test,
  answer: (seen: Seen, res: ServerResponse) => void
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      const entry = { method: req.method ?? '', headers: req.headers, body }
      seen.push(entry)
      answer(entry, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function scheme(
  auth: Omit<TokenExchangeAuth, 'kind' | 'fields'> & Partial<Pick<TokenExchangeAuth, 'fields'>>
): ResolvedTokenExchange {
  return resolveScheme({
    kind: 'tokenExchange',
    fields: [
      { key: 'username', label: 'Username' },
      { key: 'password', label: 'Password' }
    ],
    ...auth
  }) as ResolvedTokenExchange
}

const credentials = { username: 'ada', password: 'pw-CANARY' }

t.test('Tableau-style: a nested JSON body, the token by path, a fixed lifetime', async (t) => {
  const server = await loginServer(t, (_seen, res) =>
    json(res, 200, { credentials: { token: 'session-1', site: { id: 'S1' } } })
  )
  const now = Date.UTC(2026, 0, 1)
  const tokens = await exchangeCredentials(
    scheme({
      request: {
        url: `${server.url}/api/{{config.version}}/auth/signin`,
        body: {
          'credentials.name': '{{credentials.username}}',
          'credentials.password': '{{credentials.password}}',
          'credentials.site.contentUrl': '{{parameters.site}}'
        },
        headers: { 'X-Client': 'latchkey' }
      },
      response: { tokenPath: 'credentials.token', lifetimeSeconds: 14_400 }
    }),
    { credentials, parameters: { site: 'acme' }, config: { version: '3.22' } },
    { now: () => now }
  )
  t.equal(tokens.accessToken, 'session-1')
  t.equal(tokens.expiresAt?.getTime(), now + 14_400_000, 'the fixed lifetime when the answer says none')
  t.equal(tokens.refreshToken, undefined)
  const [request] = server.seen
  t.equal(request?.method, 'POST')
  t.equal(request?.headers['content-type'], 'application/json')
  t.equal(request?.headers['x-client'], 'latchkey')
  t.same(JSON.parse(request?.body ?? ''), {
    credentials: { name: 'ada', password: 'pw-CANARY', site: { contentUrl: 'acme' } }
  })
})

t.test('a form body, Basic credentials from base64(), the expiry read from the answer', async (t) => {
  const server = await loginServer(t, (_seen, res) =>
    json(res, 200, { token: 'session-2', expires: '2030-01-01T00:00:00.000Z' })
  )
  const tokens = await exchangeCredentials(
    scheme({
      request: {
        url: `${server.url}/login`,
        format: 'form',
        body: { user: '{{credentials.username}}', stamp: '{{now.epochSeconds}}' },
        headers: { Authorization: 'Basic {{base64(credentials.username, ":", credentials.password)}}' }
      },
      response: { tokenPath: 'token', expiresAtPath: 'expires' }
    }),
    { credentials, now: Date.UTC(2026, 0, 1) }
  )
  t.equal(tokens.accessToken, 'session-2')
  t.equal(tokens.expiresAt?.toISOString(), '2030-01-01T00:00:00.000Z', 'the absolute expiry read by its path')
  const [request] = server.seen
  t.equal(request?.headers['content-type'], 'application/x-www-form-urlencoded')
  t.equal(request?.headers.authorization, `Basic ${Buffer.from('ada:pw-CANARY').toString('base64')}`)
  t.same(Object.fromEntries(new URLSearchParams(request?.body)), { user: 'ada', stamp: '1767225600' })
})

t.test('refused credentials are invalid_grant at the login URL; nothing the provider says is kept', async (t) => {
  for (const status of [400, 401, 403]) {
    const server = await loginServer(t, (_seen, res) => json(res, status, { message: 'bad password pw-CANARY' }))
    const error = await exchangeCredentials(
      scheme({
        request: { url: `${server.url}/login`, body: { p: '{{credentials.password}}' } },
        response: { tokenPath: 'token' }
      }),
      { credentials }
    ).catch((e: unknown) => e)
    t.ok(error instanceof OAuthError, String(status))
    t.match(error, { code: 'invalid_grant', endpoint: 'login', status, retryable: false })
    t.match((error as OAuthError).hint, /refused the credentials at its login URL/)
    t.notOk(JSON.stringify((error as OAuthError).toJSON()).includes('pw-CANARY'), 'the password is never in the error')
  }
  const flaky = await loginServer(t, (_seen, res) => json(res, 503, {}))
  t.match(
    await exchangeCredentials(scheme({ request: { url: `${flaky.url}/login` }, response: { tokenPath: 'token' } }), {
      credentials
    }).catch((e: unknown) => e),
    { code: 'temporarily_unavailable', retryable: true },
    'a 503 is retried, not a refusal'
  )
  const noToken = await loginServer(t, (_seen, res) => json(res, 200, { session: 'x' }))
  t.match(
    await exchangeCredentials(
      scheme({ request: { url: `${noToken.url}/login` }, response: { tokenPath: 'data.token' } }),
      {
        credentials
      }
    ).catch((e: unknown) => e),
    { code: 'invalid_response' },
    'an answer without the token'
  )
})

t.test('GET logins send no body', async (t) => {
  const server = await loginServer(t, (_seen, res) => json(res, 200, { token: 't' }))
  await exchangeCredentials(
    scheme({
      request: { url: `${server.url}/session`, method: 'GET', headers: { 'X-User': '{{credentials.username}}' } },
      response: { tokenPath: 'token' }
    }),
    { credentials }
  )
  t.equal(server.seen[0]?.method, 'GET')
  t.equal(server.seen[0]?.body, '')
  t.equal(server.seen[0]?.headers['x-user'], 'ada')
})

t.test('a session ends at its logout URL: gone already counts as ended, a busy server is retried', async (t) => {
  const statuses = [204, 401, 503, 429, 404, 400]
  const server = await loginServer(t, (_seen, res) => res.writeHead(statuses.shift() ?? 500).end())
  const end = () =>
    endSession({ url: `${server.url}/logout`, method: 'DELETE', headers: { authorization: 'Bearer s' } })
  await t.resolves(end(), '204: ended')
  t.match(server.seen[0], { method: 'DELETE', headers: { authorization: 'Bearer s' }, body: '' })
  await t.resolves(end(), '401: the session was over already')
  for (const [code, retryable] of [
    ['server_error', true],
    ['temporarily_unavailable', true],
    ['token_endpoint_not_found', false],
    ['invalid_request', false]
  ] as const) {
    const failure = await end().catch((error: unknown) => error)
    t.ok(failure instanceof OAuthError)
    t.match(failure, { code, retryable, endpoint: 'revoke' })
  }
})
