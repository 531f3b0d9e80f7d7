import t from 'tap'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { deliverCallback, startHarness, startInBrowser } from './harness.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

t.test('a provider that POSTs the callback as a form (form_post): back to the GET callback, connected', async (t) => {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({
    clientId: 'quirky-app',
    clientSecret: 'quirky-secret',
    modes: { formPost: true, callbackParams: { region: 'eu' } }
  })
  t.teardown(() => quirky.close())
  const tenant = await h.createTenant()
  const definition = testConnector(quirky, {}, 'quirky')
  definition.http = { baseUrl: `${quirky.apiBaseUrl}/v2` }
  t.equal((await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })).statusCode, 201)
  await h.call('PUT', '/v1/connectors/quirky/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })
  const { id } = (
    await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'quirky' } })
  ).json() as { id: string }
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, id)

  // The provider answers a page whose form posts the parameters to the redirect URI.
  const page = await (await fetch(providerUrl)).text()
  const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1] ?? ''
  t.equal(new URL(action.replace(/&amp;/g, '&')).pathname, '/oauth/callback/')
  const fields = new URLSearchParams(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m): [string, string] => [
      m[1] ?? '',
      m[2] ?? ''
    ])
  )
  t.ok(fields.has('code') && fields.has('state'), 'code and state in the body')

  // A cross-site POST carries no SameSite=Lax cookie: the API sends the browser to the GET callback.
  const posted = await h.call('POST', '/oauth/callback/', { headers: FORM, body: fields.toString() })
  t.equal(posted.statusCode, 303)
  t.equal(posted.headers['cache-control'], 'no-store')
  t.equal(posted.headers['referrer-policy'], 'no-referrer')
  const back = new URL(String(posted.headers.location))
  t.equal(`${back.origin}${back.pathname}`, `${h.runtime.config.publicUrl}/oauth/callback/`)
  t.same([...back.searchParams], [...fields], 'every parameter, in order')
  t.equal(quirky.counters.tokenRequests.authorization_code ?? 0, 0, 'nothing exchanged on the POST itself')

  const done = await deliverCallback(h, back, cookie)
  t.match(done.body, /Authorization completed successfully/)
  const connection = (await h.call('GET', `/v1/connections/${id}`, { apiKey: tenant.apiKey })).json() as {
    status: string
  }
  t.equal(connection.status, 'connected')
  t.equal(quirky.counters.tokenRequests.authorization_code, 1)

  // Without the slash too; anything but a form is refused by name; a huge body is refused.
  t.equal((await h.call('POST', '/oauth/callback', { headers: FORM, body: 'state=x' })).statusCode, 303)
  const json = await h.call('POST', '/oauth/callback/', { body: { code: 'c', state: 's' } })
  t.equal(json.statusCode, 400)
  t.match(json.json(), { error: { code: 'invalid_request', details: [{ path: 'body' }] } })
  const huge = await h.call('POST', '/oauth/callback/', { headers: FORM, body: `state=${'x'.repeat(20_000)}` })
  t.equal(huge.statusCode, 413)
})
