import t from 'tap'
import { close } from '@latchkey/connector-close'
import { checkActions } from './actions.js'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'

// https://developer.close.com/api/overview/oauth-authentication
// https://developer.close.com/integrations/create-an-oauth-app
// OAuth: no scope in the authorize request (every app is granted `all.full_access
// offline_access`), no PKCE; the code exchanged with a form-encoded POST carrying the client id
// and secret; the answer names `organization_id` and `user_id`; every refresh "issues a new
// Refresh Token and the client must discard the old"; no revocation endpoint declared.
const ME = {
  id: 'user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63X',
  email: 'anthony@close.com',
  first_name: 'Anthony',
  last_name: 'Nemitz',
  organizations: [{ id: 'orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH', name: 'Close' }]
}
// https://developer.close.com/api/resources/users/get-me
const verification = { path: '/api/me/', answer: ME, account: { email: ME.email, id: ME.id } }
// 200 leads: the second page is full, and only `has_more: false` says it is the last.
// https://developer.close.com/api/overview/pagination
const LEADS = Array.from({ length: 200 }, (_, i) => ({ id: `lead_${i}`, display_name: `Lead ${i}` }))

t.test('Close: OAuth without a scope parameter, rotating refresh tokens, organization and user kept', async (t) => {
  await runRedirectScenario(t, {
    connector: close,
    provider: {
      clientAuth: 'client_secret_post',
      rotateRefreshTokens: true,
      extraTokenFields: { organization_id: ME.organizations[0]?.id, user_id: ME.id }
    },
    authorize: { scope: undefined, pkce: false },
    metadata: () => ({ organization_id: ME.organizations[0]?.id, user_id: ME.id }),
    verification,
    call: { url: '/lead/?_limit=10', providerPath: '/api/lead/', auth: 'bearer' },
    refresh: 'rotating',
    revoke: 'none',
    whileConnected: (t, context) =>
      checkActions(t, context, [
        {
          action: 'list_leads',
          input: { query: 'company:Acme', fields: 'id,display_name' },
          serves: {
            path: '/api/lead/',
            collection: {
              items: LEADS,
              style: 'offset',
              param: '_skip',
              limitParam: '_limit',
              itemsPath: 'data',
              hasMorePath: 'has_more'
            }
          },
          pages: 10,
          requests: [
            {
              path: '/api/lead/',
              query: { query: 'company:Acme', _fields: 'id,display_name', _limit: '100', _skip: '0' }
            },
            {
              path: '/api/lead/',
              query: { query: 'company:Acme', _fields: 'id,display_name', _limit: '100', _skip: '100' }
            }
          ],
          answer: { output: LEADS, pages: 2, more: false }
        }
      ])
  })
})

// https://developer.close.com/api/overview/api-key-authentication
// "The API key acts as the username and the password is always empty."
t.test('Close: the API key as the basic user name with an empty password', async (t) => {
  await runCredentialScenario(t, {
    connector: close,
    scheme: 'api_key',
    credentials: { apiKey: 'api_close-key-CANARY' },
    accepts: (provider) => provider.addBasicUser('api_close-key-CANARY', ''),
    verification,
    call: { url: '/lead/', providerPath: '/api/lead/', auth: 'basic' }
  })
})
