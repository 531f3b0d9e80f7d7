import t from 'tap'
import { sentry } from '@latchkey/connector-sentry'
import { checkRateLimitWaitedOut, runCredentialScenario } from './scenario.js'

// https://docs.sentry.io/api/auth/
// https://docs.sentry.io/api/ (Finding the API base domain: us.sentry.io, de.sentry.io)
// https://docs.sentry.io/api/ratelimits/
// An auth token as `Authorization: Bearer`, exactly there (the emulator insists on it), on
// the organization's region host. A 429 is waited out until `X-Sentry-Rate-Limit-Reset`
// (UTC epoch seconds). The verification lists the organizations the token sees.
t.test('Sentry: the auth token as a Bearer header, on the DE region, X-Sentry-Rate-Limit-Reset', async (t) => {
  await runCredentialScenario(t, {
    connector: sentry,
    parameters: { host: 'de.sentry.io' },
    site: { template: '{{parameters.host}}', expected: 'de.sentry.io' },
    provider: {
      apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer sntryu_CANARY' }],
      rateLimitResetHeader: 'x-sentry-rate-limit-reset'
    },
    accepts: () => undefined,
    credentials: { apiKey: 'sntryu_CANARY' },
    // https://docs.sentry.io/api/users/list-your-organizations/
    verification: {
      path: '/api/organizations/',
      answer: [{ id: '1', slug: 'acme', name: 'Acme', status: { id: 'active', name: 'active' } }],
      account: { organization: 'acme', organizationName: 'Acme' }
    },
    call: { url: '/organizations/acme/projects/', providerPath: '/api/organizations/acme/projects/', auth: 'declared' },
    whileConnected: async (t, context) => {
      await checkRateLimitWaitedOut(t, context, 429, '/organizations/acme/projects/')
    }
  })
})
