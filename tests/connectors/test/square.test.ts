import t from 'tap'
import { square } from '@latchkey/connector-square'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'

// https://developer.squareup.com/docs/oauth-api/overview
// https://developer.squareup.com/reference/square/o-auth/obtain-token
// The code flow: space-separated scopes, no PKCE; ObtainToken takes JSON with client_id and
// client_secret in the body; the answer gives `expires_at` (ISO 8601, no `expires_in`) and
// `merchant_id`; a code-flow refresh "returns the same refresh token provided in the request".
// https://developer.squareup.com/reference/square/o-auth/revoke-token
// RevokeToken: `Authorization: Client <secret>` and a JSON body with client_id and the access
// token; the emulator refuses anything else (Basic, a secret in the body).
const MERCHANT = 'ML2PMZQPHBHNY'
const CUSTOMERS = Array.from({ length: 230 }, (_, i) => ({ id: `CUST${1000 + i}`, given_name: `Customer ${i}` }))
const cursorAt = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')

t.test(
  'Square: JSON token requests, expires_at, merchant_id kept, revoked with the Client secret header',
  async (t) => {
    await runRedirectScenario(t, {
      connector: square,
      actions: ['list_locations', 'list_customers'],
      provider: {
        requireJsonBody: true,
        clientAuth: 'client_secret_post',
        expiresIn: 'absolute',
        tokenType: 'bearer',
        extraTokenFields: { merchant_id: MERCHANT, short_lived: false },
        revokeFormat: 'json',
        revokeClientAuth: 'client_header'
      },
      baseUrl: (_, root) => `${root}/api/v2`,
      authorize: { scope: 'MERCHANT_PROFILE_READ CUSTOMERS_READ', pkce: false },
      metadata: () => ({ merchant_id: MERCHANT }),
      // https://developer.squareup.com/reference/square/merchants/retrieve-merchant
      verification: {
        path: '/api/v2/merchants/me',
        answer: { merchant: { id: MERCHANT, business_name: 'Apple A Day', country: 'US', status: 'ACTIVE' } },
        account: { merchantId: MERCHANT, business: 'Apple A Day' }
      },
      call: { url: '/payments?limit=10', providerPath: '/api/v2/payments', auth: 'bearer' },
      refresh: 'reusable',
      revoke: [{ method: 'POST', contentType: 'application/json', authorization: 'client', token: 'access' }],
      whileConnected: async (t, context) => {
        // https://developer.squareup.com/reference/square/locations/list-locations
        context.provider.setApiAnswer('/api/v2/locations', {
          locations: [{ id: 'L88917AVBK2S5', name: 'Default Test Account', status: 'ACTIVE' }]
        })
        await checkActions(t, context, [
          {
            action: 'list_locations',
            answer: { output: [{ id: 'L88917AVBK2S5', name: 'Default Test Account', status: 'ACTIVE' }] }
          },
          {
            action: 'list_customers',
            input: { sort_field: 'CREATED_AT', sort_order: 'ASC' },
            // https://developer.squareup.com/reference/square/customers/list-customers: `cursor` until the last page.
            serves: {
              path: '/api/v2/customers',
              collection: {
                items: CUSTOMERS,
                style: 'cursor',
                param: 'cursor',
                cursorPath: 'cursor',
                itemsPath: 'customers',
                limitParam: 'limit'
              }
            },
            pages: 10,
            requests: [
              { path: '/api/v2/customers', query: { sort_field: 'CREATED_AT', sort_order: 'ASC', limit: '100' } },
              {
                path: '/api/v2/customers',
                query: { sort_field: 'CREATED_AT', sort_order: 'ASC', limit: '100', cursor: cursorAt(100) }
              },
              {
                path: '/api/v2/customers',
                query: { sort_field: 'CREATED_AT', sort_order: 'ASC', limit: '100', cursor: cursorAt(200) }
              }
            ],
            answer: { output: CUSTOMERS, pages: 3, more: false }
          }
        ])
      }
    })
  }
)
