import t from 'tap'
import { airtable } from '@latchkey/connector-airtable'
import { checkActions, checkMissingScope } from './actions.js'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'

// The emulator's cursors are opaque to Latchkey, which sends back what `offset` said.
const cursor = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')
const RECORDS = Array.from({ length: 250 }, (_, i) => ({
  id: `rec${String(i).padStart(14, '0')}`,
  createdTime: '2024-05-01T09:00:00.000Z',
  fields: { Name: `Task ${i}`, Status: i % 3 === 0 ? 'Done' : 'Todo' }
}))
const BASES = Array.from({ length: 1200 }, (_, i) => ({
  id: `app${String(i).padStart(14, '0')}`,
  name: `Base ${i}`,
  permissionLevel: i % 2 === 0 ? 'create' : 'edit'
}))

// https://airtable.com/developers/web/api/oauth-reference
// PKCE is required; confidential clients authenticate with HTTP Basic; access tokens last
// 60 minutes and each refresh token is single use (a new one comes with every refresh).
// No revocation endpoint is documented.
t.test('Airtable: PKCE required, Basic client auth, single-use refresh tokens', async (t) => {
  await runRedirectScenario(t, {
    connector: airtable,
    provider: { requirePkce: true, clientAuth: 'client_secret_basic', rotateRefreshTokens: true },
    // Created for reading: the scopes asked for are those of these actions (Airtable has no offline scope).
    actions: ['list_records', 'list_bases', 'get_base_schema'],
    authorize: { scope: 'data.records:read schema.bases:read', pkce: true },
    // https://airtable.com/developers/web/api/get-user-id-scopes: the email only comes with
    // `user.email:read`, which this connection did not ask for.
    verification: {
      path: '/api/meta/whoami',
      answer: { id: 'usrL2PNC5o3H4lBEi', scopes: ['data.records:read', 'schema.bases:read'] },
      account: { id: 'usrL2PNC5o3H4lBEi' }
    },
    call: { url: '/appXYZ/Tasks?maxRecords=3', providerPath: '/api/appXYZ/Tasks', auth: 'bearer' },
    refresh: 'rotating',
    whileConnected: async (t, context) => {
      await checkActions(t, context, [
        {
          action: 'list_records',
          input: { base_id: 'appXYZ', table: 'Tasks', view: 'Grid view', filter_by_formula: "{Status} != ''" },
          // https://airtable.com/developers/web/api/list-records: `pageSize` (at most 100), then
          // `offset` from the answer until an answer has none.
          serves: {
            path: '/api/appXYZ/Tasks',
            collection: {
              items: RECORDS,
              style: 'cursor',
              param: 'offset',
              cursorPath: 'offset',
              itemsPath: 'records',
              limitParam: 'pageSize'
            }
          },
          pages: 10,
          requests: [
            {
              path: '/api/appXYZ/Tasks',
              query: { view: 'Grid view', filterByFormula: "{Status} != ''", pageSize: '100' }
            },
            {
              path: '/api/appXYZ/Tasks',
              query: { view: 'Grid view', filterByFormula: "{Status} != ''", pageSize: '100', offset: cursor(100) }
            },
            {
              path: '/api/appXYZ/Tasks',
              query: { view: 'Grid view', filterByFormula: "{Status} != ''", pageSize: '100', offset: cursor(200) }
            }
          ],
          answer: { output: RECORDS, pages: 3, more: false }
        },
        {
          action: 'list_bases',
          // https://airtable.com/developers/web/api/list-bases: 1000 bases a page, `offset` to go on.
          serves: {
            path: '/api/meta/bases',
            collection: {
              items: BASES,
              style: 'cursor',
              param: 'offset',
              cursorPath: 'offset',
              itemsPath: 'bases',
              pageSize: 1000
            }
          },
          pages: 5,
          requests: [
            { path: '/api/meta/bases', query: {} },
            { path: '/api/meta/bases', query: { offset: cursor(1000) } }
          ],
          answer: { output: BASES, pages: 2, more: false }
        },
        {
          action: 'get_base_schema',
          input: { base_id: 'appXYZ', include: ['visibleFieldIds'] },
          // https://airtable.com/developers/web/api/get-base-schema
          answer: {
            echo: { method: 'GET', path: '/api/meta/bases/appXYZ/tables', query: { 'include[]': 'visibleFieldIds' } }
          }
        }
      ])
      // Writing records needs `data.records:write`, which a connection for reading was not granted.
      await checkMissingScope(
        t,
        context,
        'create_records',
        { base_id: 'appXYZ', table: 'Tasks', records: [{ fields: { Name: 'Ship it' } }] },
        ['data.records:write']
      )
    },
    revoke: 'none'
  })
})

// https://airtable.com/developers/web/guides/personal-access-tokens
// The other scheme: a personal access token, sent as a bearer credential. Its scopes are
// chosen when the token is made in Airtable, so Latchkey checks none.
t.test('Airtable: or a personal access token, picked as the second scheme', async (t) => {
  await runCredentialScenario(t, {
    connector: airtable,
    scheme: 'personal_access_token',
    credentials: { apiKey: 'patAbCdEfGhIjKlMnO.CANARY0123456789abcdef' },
    verification: {
      path: '/api/meta/whoami',
      answer: { id: 'usrL2PNC5o3H4lBEi', email: 'ada@example.com' },
      account: { user: 'ada@example.com', id: 'usrL2PNC5o3H4lBEi' }
    },
    call: { url: '/appXYZ/Tasks', providerPath: '/api/appXYZ/Tasks', auth: 'api_key' },
    async whileConnected(t, context) {
      t.equal(
        (await context.system.api('GET', `/v1/connections/${context.connectionId}`)).body.scheme,
        'personal_access_token',
        'the connection records the scheme'
      )
      await checkActions(t, context, [
        {
          action: 'create_records',
          input: {
            base_id: 'appXYZ',
            table: 'Tasks',
            records: [{ fields: { Name: 'Ship it', Status: 'Todo' } }, { fields: { Name: 'Write notes' } }],
            typecast: true
          },
          // https://airtable.com/developers/web/api/create-records: up to 10 `records`, each with its `fields`.
          answer: {
            echo: { method: 'POST', path: '/api/appXYZ/Tasks', query: {} },
            sentBody: {
              records: [{ fields: { Name: 'Ship it', Status: 'Todo' } }, { fields: { Name: 'Write notes' } }],
              typecast: true
            }
          }
        }
      ])
    }
  })
})
