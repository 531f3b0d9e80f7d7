import t from 'tap'
import { prepareConnection, startHarness } from './harness.js'

t.test('the one-time start token never reaches the request log; its redacted path does', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const authorize = await h.call('POST', `/v1/connections/${connectionId}/authorize`, { apiKey: tenant.apiKey })
  t.equal(authorize.statusCode, 200, authorize.body)
  const startPath = new URL((authorize.json() as { authorizeUrl: string }).authorizeUrl).pathname
  const token = startPath.split('/').at(-1) ?? ''
  t.ok(token.length >= 16, 'a start token')

  t.equal((await h.call('GET', startPath)).statusCode, 302, 'the start link works')
  t.not((await h.call('GET', startPath)).statusCode, 302, 'once only')
  await h.call('GET', `${startPath}/`)
  t.equal((await h.call('GET', `${startPath}/extra?code=a-provider-code`)).statusCode, 404, 'an unknown route below it')

  const lines = h.logs.join('')
  t.ok(lines.includes('/oauth/start/[redacted]'), 'the request lines name the redacted path')
  t.notOk(lines.includes(token), 'the token appears in no log line')
  t.notOk(lines.includes('a-provider-code'), 'nor does a query string, even for an unknown route')
})
