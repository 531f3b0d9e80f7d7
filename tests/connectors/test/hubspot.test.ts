import t from 'tap'
import { hubspot } from '@latchkey/connector-hubspot'
import { runRedirectScenario } from './scenario.js'

// https://developers.hubspot.com/docs/api/oauth-quickstart-guide
// Client id and secret in the form body; access tokens last 30 minutes; the refresh token
// stays the same. HubSpot's refresh-token deletion (`DELETE /oauth/v1/refresh-tokens/{token}`)
// puts the token in the path, which is not declared.
t.test('HubSpot: client in the body, 30-minute tokens, a refresh token that stays', async (t) => {
  await runRedirectScenario(t, {
    connector: hubspot,
    provider: { clientAuth: 'client_secret_post', accessTokenTtlSeconds: 1800 },
    authorize: { scope: 'oauth crm.objects.contacts.read', pkce: false },
    // https://developers.hubspot.com/docs/api/settings/account-information-api
    verification: {
      path: '/api/account-info/v3/details',
      answer: { portalId: 62515, accountType: 'STANDARD', timeZone: 'US/Eastern' },
      account: { portal: 62515 }
    },
    call: { url: '/crm/v3/objects/contacts?limit=10', providerPath: '/api/crm/v3/objects/contacts', auth: 'bearer' },
    refresh: 'reusable',
    revoke: 'none'
  })
})
