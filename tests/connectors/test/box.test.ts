import t from 'tap'
import { box } from '@latchkey/connector-box'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'

// https://developer.box.com/guides/authentication/oauth2/
// Client id and secret in the form body; access tokens last 60 minutes; refresh tokens are
// single use. Revocation: https://developer.box.com/reference/post-oauth2-revoke/ (form
// body with client_id, client_secret and the token).
const FILES = Array.from({ length: 2600 }, (_, i) => ({ type: 'file', id: String(1000 + i), name: `file-${i}.pdf` }))
// The emulator's markers are opaque to Latchkey, which sends back what `next_marker` said.
const MARKER_1000 = Buffer.from('at:1000').toString('base64url')
const MARKER_2000 = Buffer.from('at:2000').toString('base64url')

t.test('Box: client in the body, single-use refresh tokens, RFC 7009 revocation in a form', async (t) => {
  await runRedirectScenario(t, {
    connector: box,
    provider: { clientAuth: 'client_secret_post', rotateRefreshTokens: true, revokeFormat: 'form' },
    authorize: { scope: 'root_readwrite', pkce: false },
    call: { url: '/folders/0/items', providerPath: '/api/folders/0/items', auth: 'bearer' },
    refresh: 'rotating',
    // The actions, each against Box's documented paging: marker-based for folder items, offset-based for search.
    whileConnected: (t, context) =>
      checkActions(t, context, [
        {
          action: 'list_folder_items',
          input: { folder_id: '0', fields: 'name,size' },
          // https://developer.box.com/guides/api-calls/pagination/marker-based/
          serves: {
            path: '/api/folders/0/items',
            collection: {
              items: FILES,
              style: 'cursor',
              param: 'marker',
              cursorPath: 'next_marker',
              itemsPath: 'entries',
              limitParam: 'limit'
            }
          },
          pages: 5,
          maxItems: 2500,
          requests: [
            { path: '/api/folders/0/items', query: { usemarker: 'true', fields: 'name,size', limit: '1000' } },
            {
              path: '/api/folders/0/items',
              query: { usemarker: 'true', fields: 'name,size', limit: '1000', marker: MARKER_1000 }
            },
            {
              path: '/api/folders/0/items',
              query: { usemarker: 'true', fields: 'name,size', limit: '1000', marker: MARKER_2000 }
            }
          ],
          answer: { output: FILES.slice(0, 2500), pages: 3, more: true }
        },
        {
          action: 'search',
          input: { query: 'budget', type: 'file' },
          // https://developer.box.com/reference/get-search/ (offset and limit, at most 200)
          serves: {
            path: '/api/search',
            collection: {
              items: FILES.slice(0, 450),
              style: 'offset',
              param: 'offset',
              limitParam: 'limit',
              itemsPath: 'entries'
            }
          },
          pages: 10,
          requests: [
            { path: '/api/search', query: { query: 'budget', type: 'file', limit: '200', offset: '0' } },
            { path: '/api/search', query: { query: 'budget', type: 'file', limit: '200', offset: '200' } },
            { path: '/api/search', query: { query: 'budget', type: 'file', limit: '200', offset: '400' } }
          ],
          answer: { output: FILES.slice(0, 450), pages: 3, more: false }
        },
        {
          action: 'create_folder',
          input: { name: 'Invoices', parent_id: '0' },
          answer: {
            echo: { method: 'POST', path: '/api/folders' },
            sentBody: { name: 'Invoices', parent: { id: '0' } }
          }
        },
        {
          action: 'get_file',
          input: { file_id: '12345' },
          answer: { echo: { method: 'GET', path: '/api/files/12345', query: {} } }
        }
      ]),
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
