import t from 'tap'
import { copper } from '@latchkey/connector-copper'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'

// https://developer.copper.com/introduction/requests.html
// "All Copper API calls must include the following headers to authenticate the request":
// X-PW-AccessToken (the API key), X-PW-Application (developer_api), X-PW-UserEmail (the email
// of the token's owner) and Content-Type: application/json. The emulator refuses a call
// missing any of them.
t.test('Copper: the key, its owner’s email and X-PW-Application on every call', async (t) => {
  await runCredentialScenario(t, {
    connector: copper,
    scheme: 'api_key',
    baseUrl: (provider) => `${provider.url}/api/developer_api/v1`,
    credentials: { apiKey: 'copper-key-CANARY', userEmail: 'ada@acme.example' },
    provider: {
      apiCredentials: [
        { in: 'header', name: 'X-PW-AccessToken', value: 'copper-key-CANARY' },
        { in: 'header', name: 'X-PW-UserEmail', value: 'ada@acme.example' },
        { in: 'header', name: 'X-PW-Application', value: 'developer_api' },
        { in: 'header', name: 'Content-Type', value: 'application/json' }
      ]
    },
    accepts: () => undefined,
    // https://developer.copper.com/account-and-users/fetch-user-by-id.html ("me": the current API user)
    verification: {
      path: '/api/developer_api/v1/users/me',
      answer: { id: 159258, name: 'Ada Lovelace', email: 'ada@acme.example', groups: [{ id: 1, name: 'Sales' }] },
      account: { name: 'Ada Lovelace', id: 159258 }
    },
    call: {
      method: 'POST',
      url: '/people/search',
      body: { page_size: 25 },
      providerPath: '/api/developer_api/v1/people/search',
      auth: 'declared'
    }
  })
})

// https://developer.copper.com/introduction/oauth/quickstart.html
// https://developer.copper.com/introduction/oauth/flow.html
// Authorize with scope developer/v1/all (no PKCE documented); Copper sends the browser back
// "via a POST request" with the code in the body; the code is exchanged with the client id
// and secret as form fields; the answer has no expiry and no refresh token; calls carry
// "Authorization: Bearer"; no revocation endpoint.
t.test('Copper OAuth: the callback POSTed as a form, a token without expiry or refresh', async (t) => {
  await runRedirectScenario(t, {
    connector: copper,
    scheme: 'oauth2',
    baseUrl: (provider) => `${provider.url}/api/developer_api/v1`,
    provider: { formPost: true, clientAuth: 'client_secret_post', expiresIn: 'absent', issueRefreshTokens: false },
    authorize: { scope: 'developer/v1/all', pkce: false },
    verification: {
      path: '/api/developer_api/v1/users/me',
      answer: { id: 159258, name: 'Ada Lovelace', email: 'ada@acme.example', groups: [] },
      account: { name: 'Ada Lovelace', id: 159258 }
    },
    call: {
      method: 'POST',
      url: '/people/search',
      body: { page_size: 25 },
      providerPath: '/api/developer_api/v1/people/search',
      auth: 'bearer'
    },
    refresh: 'none',
    revoke: 'none'
  })
})
