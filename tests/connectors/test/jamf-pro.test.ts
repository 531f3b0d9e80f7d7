import t from 'tap'
import { jamfPro } from '@latchkey/connector-jamf-pro'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import { until } from './scenario.js'

// https://developer.jamf.com/jamf-pro/docs/jamf-pro-api-overview
// POST /api/v1/auth/token with `Authorization: Basic <user:password>` answers
// `{"token", "expires"}`; API calls carry `Authorization: Bearer <token>` until it expires;
// POST /api/v1/auth/invalidate-token, with the token, ends the session
// (https://developer.jamf.com/jamf-pro/v10.42.0/reference/post_v1-auth-invalidate-token).
t.test(
  'Jamf Pro: the account exchanged for a session token, fetched again when it expires or is refused',
  async (t) => {
    const system = await startSystem(t)
    const provider = await startQuirkyProvider({
      clientId: 'unused',
      clientSecret: 'unused',
      modes: {
        login: {
          expects: [
            { in: 'header', name: 'Authorization', value: `Basic ${Buffer.from('admin:pw-CANARY').toString('base64')}` }
          ],
          answer: (token, expiresAt) => ({ token, expires: expiresAt.toISOString() }),
          ttlSeconds: 1200
        }
      }
    })
    t.teardown(() => provider.close())
    // The emulator stands for the customer's server: the app's overrides point the login, logout and API there.
    const app = await system.api('PUT', '/v1/connectors/jamf-pro/app', {
      overrides: {
        tokenUrl: `${provider.url}/login`,
        revokeUrl: `${provider.url}/sites/{{parameters.host}}/logout`,
        baseUrl: `${provider.url}/sites/{{parameters.host}}/api`
      }
    })
    t.equal(app.status, 200, 'the login, logout and API URLs point at the emulator')
    provider.setApiAnswer('/api/v1/auth', { account: { id: '1', username: 'admin', accessLevel: 'FullAccess' } })

    const created = await system.api('POST', '/v1/connections', {
      connector: jamfPro.key,
      parameters: { host: 'acme.jamfcloud.com' },
      credentials: { username: 'admin', password: 'pw-CANARY' }
    })
    t.equal(created.status, 201)
    t.notOk(JSON.stringify(created.body).includes('pw-CANARY'), 'the password is not echoed')
    t.match(created.body, { status: 'connected', account: { username: 'admin' } }, 'signed in and verified at once')
    t.equal(provider.counters.tokenRequests.login, 1, 'one login for the verification')
    const id = created.body.id as string

    const call = async (): Promise<unknown> =>
      (await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v1/computers-inventory' })).body
    t.match(await call(), { status: 200, body: { path: '/api/v1/computers-inventory' } })
    t.equal(provider.counters.lastApiAuth, 'bearer')
    t.equal(provider.counters.tokenRequests.login, 1, 'the session token is reused while valid')
    t.same(provider.counters.sites.at(-1), 'acme.jamfcloud.com')

    const token = (await system.api('GET', `/v1/connections/${id}/token`)).body
    t.match(token, { tokenType: 'Bearer', credentials: { username: 'admin', password: 'pw-CANARY' } })
    t.match(token.accessToken, /^qsession/, 'the session token, not the password')
    t.ok(Date.parse(token.expiresAt as string) > Date.now() + 1000 * 1000, 'its expiry read from "expires"')

    // The server drops every session: the refused call signs in again and is retried once.
    provider.expireAccessTokens()
    t.match(await call(), { status: 200 })
    t.equal(provider.counters.tokenRequests.login, 2, 'signed in again after the 401')
    const events = (await system.api('GET', `/v1/connections/${id}/events`)).body.events as { message: string }[]
    t.ok(events.some((e) => e.message === 'Signed in again: session token fetched'))

    // The password is changed at Jamf: the next login is refused and the connection turns red.
    provider.setModes({
      login: { ...provider.modes.login!, expects: [{ in: 'header', name: 'Authorization', value: 'x' }] }
    })
    provider.expireAccessTokens()
    const refused = await system.api('POST', `/v1/connections/${id}/http`, {
      method: 'GET',
      url: '/v1/computers-inventory'
    })
    t.equal(refused.status, 422)
    t.match(refused.body.error, {
      code: 'provider_refused',
      details: { hint: /refused the credentials at its login URL .*: the end customer must save new ones/ }
    })
    t.notOk(JSON.stringify(refused.body).includes('pw-CANARY'))
    t.match((await system.api('GET', `/v1/connections/${id}`)).body, {
      status: 'error',
      health: 'red',
      statusReason: /refused the credentials at its login URL/
    })

    // New credentials on the same connection: connected again.
    provider.setModes({
      login: {
        ...provider.modes.login!,
        expects: [
          { in: 'header', name: 'Authorization', value: `Basic ${Buffer.from('admin:new-pw').toString('base64')}` }
        ]
      }
    })
    const replaced = await system.api('PUT', `/v1/connections/${id}/credentials`, {
      credentials: { username: 'admin', password: 'new-pw' }
    })
    t.equal(replaced.status, 200)
    t.match(replaced.body, { status: 'connected', account: { username: 'admin' } })
    t.match(await call(), { status: 200 })

    // Disconnected: the worker ends the session at the logout URL, and the token stops working.
    const session = (await system.api('GET', `/v1/connections/${id}/token`)).body.accessToken as string
    t.equal((await system.api('POST', `/v1/connections/${id}/disconnect`)).body.status, 'disconnected')
    await until(
      'the worker to end the session',
      () => provider.counters.logouts === 1,
      () => `${provider.counters.logouts} logouts`
    )
    t.same(provider.counters.sites.at(-1), 'acme.jamfcloud.com', 'at the customer’s server')
    const after = await fetch(`${provider.apiBaseUrl}/v1/computers-inventory`, {
      headers: { authorization: `Bearer ${session}` }
    })
    t.equal(after.status, 401, 'the session token no longer works')
  }
)
