import t from 'tap'
import { sendgrid } from '@latchkey/connector-sendgrid'
import { checkRateLimitWaitedOut, runCredentialScenario } from './scenario.js'

// "Twilio SendGrid API keys are 69 characters long": `SG.` and two dot-separated parts.
const KEY = `SG.${'CANARY_key_id'.padEnd(22, '0')}.${'CANARY_secret'.padEnd(43, '1')}`

// https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/authentication
// The API key as `Authorization: Bearer <key>`, exactly there (the emulator insists on it).
// https://www.twilio.com/docs/sendgrid/api-reference/users-api/retrieve-your-username: an EU
// regional subuser's calls go to api.eu.sendgrid.com ("for EU regional subusers").
// https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits:
// a 429 is waited out until `X-RateLimit-Reset` (the page's example is epoch seconds).
t.test('SendGrid: the API key as a Bearer header, on the EU host, X-RateLimit-Reset', async (t) => {
  await runCredentialScenario(t, {
    connector: sendgrid,
    parameters: { region: 'eu' },
    // The lookup table names the host; the emulator stands for it under /sites/<host>/.
    site: { template: '{{parameters.region.apiHost}}', expected: 'api.eu.sendgrid.com' },
    provider: {
      apiCredentials: [{ in: 'header', name: 'Authorization', value: `Bearer ${KEY}` }],
      rateLimitResetHeader: 'x-ratelimit-reset'
    },
    accepts: () => undefined,
    credentials: { apiKey: KEY },
    // GET /v3/user/username: `{ "username", "user_id" }` (tsg_user_v3.json of twilio/sendgrid-oai).
    verification: {
      path: '/api/user/username',
      answer: { username: 'acme_eu_subuser', user_id: 4242 },
      account: { username: 'acme_eu_subuser', userId: 4242 }
    },
    // GET /v3/templates?generations=&page_size=: "Retrieve paged transactional templates" (tsg_templates_v3.json).
    call: {
      url: '/templates?generations=dynamic&page_size=18',
      providerPath: '/api/templates',
      auth: 'declared'
    },
    whileConnected: async (t, context) => {
      await checkRateLimitWaitedOut(t, context, 429, '/templates?generations=dynamic&page_size=18')
      // A key of another shape is refused before anything is stored, in the definition's words.
      const refused = await context.system.api('POST', '/v1/connections', {
        connector: 'sendgrid',
        parameters: { region: 'eu' },
        credentials: { apiKey: KEY.slice(0, 68) }
      })
      t.equal(refused.status, 400)
      t.same(refused.body.error.details, [
        {
          path: 'body.credentials.apiKey',
          message: 'A SendGrid API key is 69 characters long and starts with SG.'
        }
      ])
    }
  })
})
