import t from 'tap'
import { testConnector } from '@latchkey/testkit'
import { WIZARD_PATH } from '../../src/index.js'
import { PUBLIC_URL, rejection, startRuntime, startTokenOf } from '../helpers.js'

const keyed = {
  key: 'keyed',
  name: 'Keyed',
  version: '1.0.0',
  auth: { kind: 'apiKey' as const },
  http: { baseUrl: 'https://api.keyed.example' }
}

t.test('a session reaches its customer’s connections to the offered connectors, and nothing else', async (t) => {
  let clock = Date.now()
  const { runtime, store, tenantId } = await startRuntime(t, {
    connectors: (s) => [testConnector(s.quirkyProvider), keyed],
    config: { now: () => clock, connectSessionTtlSeconds: 120 },
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })

  t.match(
    await rejection(runtime.sessions.create(tenantId, { externalId: 'c-1', connectors: ['test', 'nope', 'nada'] })),
    {
      code: 'invalid_request',
      details: [
        { path: 'body.connectors[1]', message: '"nope" is not a connector of this tenant' },
        { path: 'body.connectors[2]' }
      ]
    }
  )

  const link = await runtime.sessions.create(tenantId, { externalId: 'c-1', connectors: ['test', 'test'] })
  t.match(link.token, /^lkcs_[A-Za-z0-9_-]{43}$/)
  const opened = await runtime.sessions.authenticate(link.token)
  t.equal(link.url, `${PUBLIC_URL}${WIZARD_PATH}?s=${opened?.id}#session=${link.token}`)
  t.equal(Date.parse(link.expiresAt), clock + 120_000)
  t.equal(await runtime.sessions.authenticate(link.token.slice('lkcs_'.length)), undefined, 'the prefix is required')
  t.equal(await runtime.sessions.authenticate('lkcs_unknown'), undefined)
  const session = await runtime.sessions.authenticate(link.token)
  if (session === undefined) throw new Error('the session was not found')
  t.same(session.connectors, ['test'], 'offered once')

  // Another customer's connection and one to a connector not offered here.
  const theirs = await runtime.connections.create(tenantId, { connector: 'test', externalId: 'c-2' })
  const other = await runtime.connections.create(tenantId, {
    connector: 'keyed',
    externalId: 'c-1',
    credentials: { apiKey: 'k' }
  })

  t.match(await rejection(runtime.sessions.createConnection(session, { connector: 'keyed' })), {
    code: 'invalid_request',
    details: [{ path: 'body.connector', message: '"keyed" is not offered in this connect session' }]
  })
  const mine = await runtime.sessions.createConnection(session, {
    connector: 'test',
    ...({ externalId: 'c-2' } as object)
  })
  t.equal(mine.externalId, 'c-1', 'the external id is the session’s, whatever the body says')

  const overview = await runtime.sessions.overview(session)
  t.equal(overview.externalId, 'c-1')
  t.same(
    overview.connectors.map((c) => c.key),
    ['test']
  )
  t.same(
    overview.connections.map((c) => c.id),
    [mine.id]
  )

  for (const foreign of [theirs.id, other.id]) {
    t.match(await rejection(runtime.sessions.get(session, foreign)), { code: 'not_found' })
    t.match(await rejection(runtime.sessions.events(session, foreign, 10)), { code: 'not_found' })
    t.match(await rejection(runtime.sessions.authorize(session, foreign, {})), { code: 'not_found' })
    t.match(await rejection(runtime.sessions.disconnect(session, foreign)), { code: 'not_found' })
  }
  t.equal((await runtime.connections.get(tenantId, other.id)).status, 'connected', 'not disconnected')

  t.equal((await runtime.sessions.get(session, mine.id)).id, mine.id)
  const popup = await runtime.sessions.authorize(session, mine.id, {})
  const redirect = await runtime.sessions.authorize(session, mine.id, { returnToWizard: true })
  t.equal((await store.attempts.findByStartToken(startTokenOf(popup.authorizeUrl)))?.return_to, null)
  t.equal((await store.attempts.findByStartToken(startTokenOf(redirect.authorizeUrl)))?.return_to, WIZARD_PATH)
  t.same(
    (await runtime.sessions.events(session, mine.id, 10)).map((e) => e.kind),
    ['connection.created']
  )
  t.equal((await runtime.sessions.disconnect(session, mine.id)).status, 'disconnected')

  // Every connector when the session names none.
  const open = await runtime.sessions.create(tenantId, { externalId: 'c-1' })
  const all = await runtime.sessions.authenticate(open.token)
  if (all === undefined) throw new Error('the session was not found')
  const everything = await runtime.sessions.overview(all)
  t.same(everything.connectors.map((c) => c.key).sort(), ['keyed', 'test'])
  t.same(everything.connections.map((c) => c.id).sort(), [mine.id, other.id].sort())

  clock += 120_001
  t.equal(await runtime.sessions.authenticate(link.token), undefined, 'expired')
})
