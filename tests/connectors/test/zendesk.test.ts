import t from 'tap'
import { zendesk } from '@latchkey/connector-zendesk'
import { checkActions, checkMissingScope } from './actions.js'
import { runRedirectScenario } from './scenario.js'
import type { PagedCollection } from '@latchkey/testkit'
import type { RedirectScenario } from './scenario.js'

// https://developer.zendesk.com/documentation/ticketing/working-with-oauth/creating-and-using-oauth-tokens-with-the-api/
// The customer's subdomain in every URL; PKCE; client id and secret in the body; tokens
// without expiry unless the app asks for refresh tokens.
const oauthApp = {
  connector: zendesk,
  parameters: { subdomain: 'acme' },
  site: { template: '{{parameters.subdomain}}', expected: 'acme' },
  provider: { clientAuth: 'client_secret_post', expiresIn: 'absent', issueRefreshTokens: false },
  call: { url: '/tickets.json?page[size]=10', providerPath: '/api/tickets.json', auth: 'bearer' },
  refresh: 'none',
  revoke: 'none'
} satisfies Omit<RedirectScenario, 'authorize'>

t.test("Zendesk: the customer's subdomain, PKCE, a long-lived token", async (t) => {
  await runRedirectScenario(t, {
    ...oauthApp,
    authorize: { scope: 'read', pkce: true },
    // The default `read` covers `tickets:read` but not writing: creating a ticket needs `tickets:write`.
    // https://developer.zendesk.com/api-reference/ticketing/oauth/oauth_tokens/#scopes
    whileConnected: (t, context) =>
      checkMissingScope(t, context, 'create_ticket', { subject: 'Printer offline', comment: 'Help' }, ['tickets:write'])
  })
})

// https://developer.zendesk.com/api-reference/introduction/pagination/
// Cursor pagination: `page[size]` (at most 100), then `page[after]` = `meta.after_cursor`
// while `meta.has_more` is true.
const TICKETS = Array.from({ length: 230 }, (_, i) => ({ id: 1000 + i, subject: `Ticket ${i}`, status: 'open' }))
const USERS = Array.from({ length: 60 }, (_, i) => ({ id: 500 + i, name: `Agent ${i}`, role: 'agent' }))
// The emulator's cursors are opaque to Latchkey, which sends back what `meta.after_cursor` said.
const AFTER_100 = Buffer.from('at:100').toString('base64url')
const AFTER_200 = Buffer.from('at:200').toString('base64url')
const cursorPages = (itemsPath: string, items: readonly unknown[]): PagedCollection => ({
  items,
  style: 'cursor',
  param: 'page[after]',
  cursorPath: 'meta.after_cursor',
  hasMorePath: 'meta.has_more',
  itemsPath,
  limitParam: 'page[size]'
})

t.test('Zendesk: a connection for the actions asks for their resource scopes; cursor pages', async (t) => {
  await runRedirectScenario(t, {
    ...oauthApp,
    actions: ['list_tickets', 'get_ticket', 'create_ticket', 'list_users'],
    authorize: { scope: 'tickets:read tickets:write users:read', pkce: true },
    whileConnected: (t, context) =>
      checkActions(t, context, [
        // Before the list: the emulator serves a path's list to every method once it is set.
        {
          action: 'create_ticket',
          input: {
            subject: 'Printer offline',
            comment: 'My printer is offline. Restarting does not help.',
            priority: 'high',
            tags: ['hardware']
          },
          // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket
          answer: {
            echo: { method: 'POST', path: '/api/tickets', query: {} },
            sentBody: {
              ticket: {
                subject: 'Printer offline',
                comment: { body: 'My printer is offline. Restarting does not help.' },
                priority: 'high',
                tags: ['hardware']
              }
            }
          }
        },
        {
          action: 'list_tickets',
          // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets
          serves: { path: '/api/tickets', collection: cursorPages('tickets', TICKETS) },
          pages: 10,
          requests: [
            { path: '/api/tickets', query: { 'page[size]': '100' } },
            { path: '/api/tickets', query: { 'page[size]': '100', 'page[after]': AFTER_100 } },
            { path: '/api/tickets', query: { 'page[size]': '100', 'page[after]': AFTER_200 } }
          ],
          answer: { output: TICKETS, pages: 3, more: false }
        },
        {
          action: 'list_users',
          input: { role: 'agent' },
          // https://developer.zendesk.com/api-reference/ticketing/users/users/#list-users
          serves: { path: '/api/users', collection: cursorPages('users', USERS) },
          pages: 10,
          // One page holds them all: `meta.has_more` is false.
          requests: [{ path: '/api/users', query: { role: 'agent', 'page[size]': '100' } }],
          answer: { output: USERS, pages: 1, more: false }
        },
        {
          action: 'get_ticket',
          input: { ticket_id: 35436 },
          // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket
          answer: { echo: { method: 'GET', path: '/api/tickets/35436', query: {} } }
        }
      ])
  })
})
