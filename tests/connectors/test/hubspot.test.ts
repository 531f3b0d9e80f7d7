import t from 'tap'
import { hubspot } from '@latchkey/connector-hubspot'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'

// https://developers.hubspot.com/docs/api/oauth-quickstart-guide
// Client id and secret in the form body; access tokens last 30 minutes; the refresh token
// stays the same. HubSpot's refresh-token deletion (`DELETE /oauth/v1/refresh-tokens/{token}`)
// puts the token in the path, which is not declared.

// CRM v3 lists: records in `results`, the next page's cursor in `paging.next.after`, sent back as `after` with
// `limit` (https://developers.hubspot.com/docs/api/crm/contacts). The emulator's cursors are opaque to Latchkey.
const cursorAt = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')
const records = (prefix: string, count: number): { id: string; properties: Record<string, string> }[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(5000 + i), properties: { name: `${prefix}-${i}` } }))
const CONTACTS = records('contact', 250)
const COMPANIES = records('company', 120)
const DEALS = records('deal', 230)
const crmList = (items: readonly unknown[]) =>
  ({
    items,
    style: 'cursor',
    param: 'after',
    cursorPath: 'paging.next.after',
    itemsPath: 'results',
    limitParam: 'limit'
  }) as const

t.test('HubSpot: client in the body, 30-minute tokens, a refresh token that stays', async (t) => {
  await runRedirectScenario(t, {
    connector: hubspot,
    provider: { clientAuth: 'client_secret_post', accessTokenTtlSeconds: 1800 },
    // Created for its actions: the scopes asked for are exactly theirs.
    actions: ['list_contacts', 'create_contact', 'list_companies', 'list_deals'],
    authorize: {
      scope: 'crm.objects.contacts.read crm.objects.contacts.write crm.objects.companies.read crm.objects.deals.read',
      pkce: false
    },
    // https://developers.hubspot.com/docs/api/settings/account-information-api
    verification: {
      path: '/api/account-info/v3/details',
      answer: { portalId: 62515, accountType: 'STANDARD', timeZone: 'US/Eastern' },
      account: { portal: 62515 }
    },
    call: { url: '/crm/v3/objects/contacts?limit=10', providerPath: '/api/crm/v3/objects/contacts', auth: 'bearer' },
    refresh: 'reusable',
    whileConnected: (t, context) =>
      checkActions(t, context, [
        // First: once the emulator serves the contacts list, a POST to the same path gets a page, not the echo.
        {
          action: 'create_contact',
          input: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
          // https://developers.hubspot.com/docs/api/crm/contacts (the values in a `properties` object)
          answer: {
            echo: { method: 'POST', path: '/api/crm/v3/objects/contacts' },
            sentBody: { properties: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' } }
          }
        },
        {
          action: 'list_contacts',
          input: { properties: 'email,firstname' },
          // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/guide
          serves: { path: '/api/crm/v3/objects/contacts', collection: crmList(CONTACTS) },
          pages: 10,
          requests: [
            { path: '/api/crm/v3/objects/contacts', query: { properties: 'email,firstname', limit: '100' } },
            {
              path: '/api/crm/v3/objects/contacts',
              query: { properties: 'email,firstname', limit: '100', after: cursorAt(100) }
            },
            {
              path: '/api/crm/v3/objects/contacts',
              query: { properties: 'email,firstname', limit: '100', after: cursorAt(200) }
            }
          ],
          answer: { output: CONTACTS, pages: 3, more: false }
        },
        {
          action: 'list_companies',
          input: { properties: 'name,domain', archived: false },
          // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/companies/guide
          serves: { path: '/api/crm/v3/objects/companies', collection: crmList(COMPANIES) },
          pages: 10,
          requests: [
            {
              path: '/api/crm/v3/objects/companies',
              query: { properties: 'name,domain', archived: 'false', limit: '100' }
            },
            {
              path: '/api/crm/v3/objects/companies',
              query: { properties: 'name,domain', archived: 'false', limit: '100', after: cursorAt(100) }
            }
          ],
          answer: { output: COMPANIES, pages: 2, more: false }
        },
        {
          action: 'list_deals',
          // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/deals/guide (stops at maxItems)
          serves: { path: '/api/crm/v3/objects/deals', collection: crmList(DEALS) },
          pages: 10,
          maxItems: 150,
          requests: [
            { path: '/api/crm/v3/objects/deals', query: { limit: '100' } },
            { path: '/api/crm/v3/objects/deals', query: { limit: '100', after: cursorAt(100) } }
          ],
          answer: { output: DEALS.slice(0, 150), pages: 2, more: true }
        }
      ]),
    revoke: 'none'
  })
})
