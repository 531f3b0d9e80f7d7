import t from 'tap'
import { deliverCallback, startInBrowser } from './harness.js'
import { connectToQuirky } from './quirky-connection.js'

t.test('a reconnected connection is yellow until its new token has been used, then green again', async (t) => {
  const c = await connectToQuirky(t)
  const view = async (): Promise<{ health: string; lastUsedAt: string | null }> =>
    (await c.h.call('GET', `/v1/connections/${c.id}`, { apiKey: c.tenant.apiKey })).json() as {
      health: string
      lastUsedAt: string | null
    }
  t.equal((await view()).health, 'yellow', 'connected, not used yet')
  t.equal((await c.http({ method: 'GET', url: '/items' })).json().status, 200)
  t.equal((await view()).health, 'green', 'used: green')

  // Connect again (a new token): not known to work until used.
  const { providerUrl, cookie } = await startInBrowser(c.h, c.tenant.apiKey, c.id)
  const location = (await fetch(providerUrl, { redirect: 'manual' })).headers.get('location') ?? ''
  t.match((await deliverCallback(c.h, new URL(location), cookie)).body, /Authorization completed successfully/)
  t.match(await view(), { health: 'yellow', lastUsedAt: null }, 'yellow after reconnecting')
  t.equal((await c.http({ method: 'GET', url: '/items' })).json().status, 200)
  t.equal((await view()).health, 'green', 'green once the new token worked')
})
