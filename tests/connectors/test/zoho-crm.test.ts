import t from 'tap'
import { zohoCrm } from '@latchkey/connector-zoho-crm'
import { runRedirectScenario } from './scenario.js'

// https://www.zoho.com/crm/developer/docs/api/v8/multi-dc.html
// https://www.zoho.com/accounts/protocol/oauth/web-apps/authorization.html
// https://www.zoho.com/crm/developer/docs/api/v4/access-refresh.html
// https://www.zoho.com/crm/developer/docs/api/revoke-tokens.html
// An EU user: comma-separated scopes, `access_type=offline` and `prompt=consent`, no PKCE; the
// callback names the user's data centre (`location=eu&accounts-server=https://accounts.zoho.eu`,
// https://www.zoho.com/accounts/protocol/oauth/multi-dc/client-authorization.html); the code is exchanged at that data
// centre's accounts server (accounts.zoho.eu), the client id and secret as form data; the
// answer's `api_domain` is the API host; refresh answers carry no new refresh token. Zoho's
// revocation takes the refresh token in the query (`{Accounts_URL}/oauth/v2/token/revoke?token=`),
// once: the emulator refuses a body token and a second request for the dead grant, as Zoho does.
const USER = { id: '4150868000000225013', full_name: 'Ada Lovelace', email: 'ada@acme.example' }

t.test(
  'Zoho CRM: an EU user, tokens at accounts.zoho.eu, api_domain kept, revoked with the token in the query',
  async (t) => {
    await runRedirectScenario(t, {
      connector: zohoCrm,
      parameters: { region: 'eu' },
      site: { template: '{{parameters.region.accountsHost}}', expected: 'accounts.zoho.eu' },
      provider: {
        clientAuth: 'client_secret_post',
        scopeDelimiter: ',',
        revokeFormat: 'query',
        callbackParams: { location: 'eu', 'accounts-server': 'https://accounts.zoho.eu' },
        extraTokenFields: { api_domain: 'https://www.zohoapis.eu' }
      },
      // The answer's api_domain names Zoho's real EU API host: the tenant app's base URL
      // override, written out, points the API at the emulator instead.
      baseUrl: (provider) => `${provider.url}/api/crm/v8`,
      authorize: {
        scope: 'ZohoCRM.users.READ,ZohoCRM.modules.ALL',
        pkce: false,
        params: { access_type: 'offline', prompt: 'consent' }
      },
      metadata: () => ({
        api_domain: 'https://www.zohoapis.eu',
        location: 'eu',
        'accounts-server': 'https://accounts.zoho.eu'
      }),
      // https://www.zoho.com/crm/developer/docs/api/v8/get-users.html (type=CurrentUser)
      verification: {
        path: '/api/crm/v8/users',
        answer: { users: [{ ...USER, status: 'active', role: { name: 'CEO', id: '4150868000000026005' } }] },
        account: { email: USER.email, name: USER.full_name, id: USER.id }
      },
      call: { url: '/Leads?fields=Last_Name,Email', providerPath: '/api/crm/v8/Leads', auth: 'bearer' },
      refresh: 'reusable',
      revoke: [{ method: 'POST', contentType: 'application/x-www-form-urlencoded', token: 'refresh' }]
    })
  }
)
