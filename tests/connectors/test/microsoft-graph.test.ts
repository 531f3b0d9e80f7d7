import t from 'tap'
import type { Test } from 'tap'
import { microsoftGraph } from '@latchkey/connector-microsoft-graph'
import { checkActions, checkMissingScope } from './actions.js'
import { runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

// https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
// The directory (tenant) is in the URL path; `offline_access` for a refresh token; PKCE;
// every refresh answers a new refresh token. No revocation endpoint.
const graph = (
  t: Test,
  actions: readonly string[],
  scope: string,
  whileConnected: RedirectScenario['whileConnected']
): Promise<void> =>
  runRedirectScenario(t, {
    connector: microsoftGraph,
    parameters: { tenant: 'contoso.onmicrosoft.com' },
    site: { template: '{{parameters.tenant}}', expected: 'contoso.onmicrosoft.com' },
    provider: { clientAuth: 'client_secret_post', rotateRefreshTokens: true, accessTokenTtlSeconds: 4199 },
    // The connection is created for these actions: their permissions, and `offline_access`.
    actions,
    authorize: { scope, pkce: true },
    // https://learn.microsoft.com/en-us/graph/api/user-get
    verification: {
      path: '/api/me',
      answer: {
        id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
        userPrincipalName: 'ada@contoso.onmicrosoft.com',
        displayName: 'Ada Lovelace'
      },
      account: { user: 'ada@contoso.onmicrosoft.com', name: 'Ada Lovelace' }
    },
    call: { url: '/me/messages?$top=5', providerPath: '/api/me/messages', auth: 'bearer' },
    refresh: 'rotating',
    ...(whileConnected === undefined ? {} : { whileConnected }),
    revoke: 'none'
  })

// One page as Graph answers it: the items in `value`, the next page as a full URL.
// https://learn.microsoft.com/en-us/graph/api/user-list-messages
const MESSAGES = Array.from({ length: 5 }, (_, i) => ({ id: `AAMkAG${i}`, subject: `Message ${i}` }))
const USERS = Array.from({ length: 1200 }, (_, i) => ({ id: `u${i}`, displayName: `A${i}` }))
const FILES = [
  { id: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K', name: 'Reports', folder: { childCount: 4 } },
  { id: '01BYE5RZ5YOS4CWLFWORAJ4U63SCA3JT5P', name: 'Budget.xlsx', size: 22386 }
]

const MESSAGES_PAGE = {
  '@odata.context':
    "https://graph.microsoft.com/v1.0/$metadata#users('ada%40contoso.onmicrosoft.com')/messages(subject)",
  value: [
    { '@odata.etag': 'W/"CQAAABYAAAAi"', id: 'AAMkAGUAAAwTW09AAA=', subject: 'Meet for lunch?' },
    { '@odata.etag': 'W/"CQAAABYAAAAj"', id: 'AAMkAGUAAAwTW0-AAA=', subject: 'Quarterly report' }
  ],
  '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/messages?%24select=subject&%24top=2&%24skip=2'
}

t.test('Microsoft Graph: the tenant in the URL, offline_access, PKCE, new refresh tokens', async (t) => {
  await graph(
    t,
    ['list_messages', 'list_users', 'list_drive_root_children', 'list_drive_children'],
    // `User.Read` for the verification request (`/me`).
    'Mail.Read User.Read.All Files.Read User.Read offline_access',
    async (t, context) => {
      // https://learn.microsoft.com/en-us/graph/paging: each page's `@odata.nextLink` is followed as it is.
      const graphPages = (items: readonly unknown[]) =>
        ({
          items,
          style: 'link',
          param: '$skiptoken',
          limitParam: '$top',
          itemsPath: 'value',
          linkPath: '@odata.nextLink'
        }) as const
      await checkActions(t, context, [
        {
          action: 'list_messages',
          input: { top: 2, select: 'subject,from', orderby: 'receivedDateTime desc' },
          // https://learn.microsoft.com/en-us/graph/api/user-list-messages ($top from 1 to 1000)
          serves: { path: '/api/me/messages', collection: graphPages(MESSAGES) },
          pages: 5,
          requests: [
            {
              path: '/api/me/messages',
              query: { $top: '2', $select: 'subject,from', $orderby: 'receivedDateTime desc' }
            },
            {
              path: '/api/me/messages',
              query: { $top: '2', $select: 'subject,from', $orderby: 'receivedDateTime desc', $skiptoken: '2' }
            },
            {
              path: '/api/me/messages',
              query: { $top: '2', $select: 'subject,from', $orderby: 'receivedDateTime desc', $skiptoken: '3' }
            }
          ],
          answer: { output: MESSAGES, pages: 3, more: false }
        },
        {
          action: 'list_users',
          input: { top: 999, select: 'displayName,mail', filter: "startswith(displayName,'A')" },
          // https://learn.microsoft.com/en-us/graph/api/user-list (at most 999 a page)
          serves: { path: '/api/users', collection: graphPages(USERS) },
          pages: 1,
          requests: [
            {
              path: '/api/users',
              query: { $top: '999', $select: 'displayName,mail', $filter: "startswith(displayName,'A')" }
            }
          ],
          answer: { output: USERS.slice(0, 999), pages: 1, more: true }
        },
        {
          action: 'list_drive_root_children',
          input: { top: 50, select: 'id,name,size' },
          // https://learn.microsoft.com/en-us/graph/api/driveitem-list-children
          serves: { path: '/api/me/drive/root/children', collection: graphPages(FILES) },
          requests: [{ path: '/api/me/drive/root/children', query: { $top: '50', $select: 'id,name,size' } }],
          answer: { output: FILES, pages: 1, more: false }
        },
        {
          action: 'list_drive_children',
          input: { item_id: '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K', orderby: 'name' },
          serves: {
            path: '/api/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/children',
            collection: graphPages(FILES)
          },
          requests: [
            { path: '/api/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/children', query: { $orderby: 'name' } }
          ],
          answer: { output: FILES, pages: 1, more: false }
        }
      ])
      // A next link off the API (here: the real Graph host, not the emulator) is never followed.
      context.provider.setApiAnswer('/api/me/messages', MESSAGES_PAGE)
      await checkActions(t, context, [
        {
          action: 'list_messages',
          input: { top: 2, select: 'subject' },
          pages: 5,
          answer: { output: MESSAGES_PAGE.value, pages: 1, more: false }
        }
      ])
      // Sending needs `Mail.Send`, which a connection for reading was not granted.
      await checkMissingScope(
        t,
        context,
        'send_mail',
        {
          subject: 'Hello',
          content_type: 'Text',
          content: 'Hi',
          to_recipients: [{ emailAddress: { address: 'frannis@contoso.com' } }]
        },
        ['Mail.Send']
      )
    }
  )
})

t.test('Microsoft Graph: a connection created only to send mail', async (t) => {
  await graph(t, ['send_mail'], 'Mail.Send User.Read offline_access', async (t, context) => {
    await checkActions(t, context, [
      {
        action: 'send_mail',
        input: {
          subject: 'Meet for lunch?',
          content_type: 'Text',
          content: 'The new cafeteria is open.',
          to_recipients: [{ emailAddress: { address: 'frannis@contoso.com' } }],
          cc_recipients: [{ emailAddress: { address: 'danas@contoso.com', name: 'Dana Swope' } }],
          save_to_sent_items: false
        },
        // https://learn.microsoft.com/en-us/graph/api/user-sendmail: `message` and `saveToSentItems` in JSON.
        answer: {
          echo: { method: 'POST', path: '/api/me/sendMail', query: {} },
          sentBody: {
            message: {
              subject: 'Meet for lunch?',
              body: { contentType: 'Text', content: 'The new cafeteria is open.' },
              toRecipients: [{ emailAddress: { address: 'frannis@contoso.com' } }],
              ccRecipients: [{ emailAddress: { address: 'danas@contoso.com', name: 'Dana Swope' } }]
            },
            saveToSentItems: false
          }
        }
      }
    ])
    // Reading the mailbox needs `Mail.Read`, which a connection for sending was not granted.
    await checkMissingScope(t, context, 'list_messages', { top: 10 }, ['Mail.Read'])
  })
})
