import t from 'tap'
import type { Test } from 'tap'
import { google } from '@latchkey/connector-google'
import { checkActions, checkMissingScope } from './actions.js'
import { runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly'
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file'
const CALENDAR_READONLY = 'https://www.googleapis.com/auth/calendar.readonly'
const CALENDAR_EVENTS = 'https://www.googleapis.com/auth/calendar.events'

// https://developers.google.com/identity/protocols/oauth2/web-server
// `access_type=offline` and `prompt=consent` for a refresh token every time; PKCE; refresh
// answers carry no new refresh token. Revocation: `POST https://oauth2.googleapis.com/revoke`
// with `token=` in a form body.
const googleScenario = (
  t: Test,
  actions: readonly string[],
  scope: string,
  whileConnected: RedirectScenario['whileConnected']
): Promise<void> =>
  runRedirectScenario(t, {
    connector: google,
    provider: {
      clientAuth: 'client_secret_post',
      refreshReturnsRefreshToken: false,
      accessTokenTtlSeconds: 3599,
      revokeFormat: 'form'
    },
    // The connection is created for these actions: their scopes only (Google's offline access is a parameter).
    actions,
    authorize: { scope, pkce: true, params: { access_type: 'offline', prompt: 'consent' } },
    // https://developers.google.com/identity/openid-connect/openid-connect#obtaininguserprofileinformation
    verification: {
      path: '/api/oauth2/v3/userinfo',
      answer: { sub: '110169484474386276334', email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
      account: { email: 'ada@example.com', name: 'Ada Lovelace' }
    },
    call: { url: '/drive/v3/files?pageSize=10', providerPath: '/api/drive/v3/files', auth: 'bearer' },
    refresh: 'reusable',
    ...(whileConnected === undefined ? {} : { whileConnected }),
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', token: 'refresh' },
      { token: 'access' }
    ]
  })

// The emulator's page tokens are opaque to Latchkey, which sends back what `nextPageToken` said.
const token = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')
const FILES = Array.from({ length: 2300 }, (_, i) => ({
  kind: 'drive#file',
  id: `1${String(i).padStart(32, 'x')}`,
  name: `report-${i}.pdf`,
  mimeType: 'application/pdf'
}))
const EVENTS = Array.from({ length: 1500 }, (_, i) => ({
  kind: 'calendar#event',
  id: `evt${i}`,
  summary: `Standup ${i}`,
  start: { dateTime: '2025-01-06T09:00:00Z' }
}))

t.test('Google: offline access with consent, PKCE, refresh without a new refresh token, revocation', async (t) => {
  await googleScenario(
    t,
    ['list_drive_files', 'list_calendar_events'],
    // With the scopes the verification request needs to read whose account it is.
    `${DRIVE_READONLY} ${CALENDAR_READONLY} openid email`,
    async (t, context) => {
      await checkActions(t, context, [
        {
          action: 'list_drive_files',
          input: { q: 'trashed = false', order_by: 'modifiedTime desc' },
          // https://developers.google.com/workspace/drive/api/v3/reference/files/list: `pageSize`
          // (at most 1000), `pageToken` = the last answer's `nextPageToken`, absent at the end.
          serves: {
            path: '/api/drive/v3/files',
            collection: {
              items: FILES,
              style: 'cursor',
              param: 'pageToken',
              cursorPath: 'nextPageToken',
              itemsPath: 'files',
              limitParam: 'pageSize'
            }
          },
          pages: 10,
          requests: [
            {
              path: '/api/drive/v3/files',
              query: { q: 'trashed = false', orderBy: 'modifiedTime desc', pageSize: '1000' }
            },
            {
              path: '/api/drive/v3/files',
              query: { q: 'trashed = false', orderBy: 'modifiedTime desc', pageSize: '1000', pageToken: token(1000) }
            },
            {
              path: '/api/drive/v3/files',
              query: { q: 'trashed = false', orderBy: 'modifiedTime desc', pageSize: '1000', pageToken: token(2000) }
            }
          ],
          answer: { output: FILES, pages: 3, more: false }
        },
        {
          action: 'list_calendar_events',
          input: {
            calendar_id: 'primary',
            time_min: '2025-01-01T00:00:00Z',
            single_events: true,
            order_by: 'startTime'
          },
          // https://developers.google.com/calendar/api/v3/reference/events/list: `maxResults`,
          // `pageToken` = `nextPageToken`. One page asked for: the next one is left for later.
          serves: {
            path: '/api/calendar/v3/calendars/primary/events',
            collection: {
              items: EVENTS,
              style: 'cursor',
              param: 'pageToken',
              cursorPath: 'nextPageToken',
              itemsPath: 'items',
              limitParam: 'maxResults'
            }
          },
          pages: 1,
          requests: [
            {
              path: '/api/calendar/v3/calendars/primary/events',
              query: { timeMin: '2025-01-01T00:00:00Z', singleEvents: 'true', orderBy: 'startTime', maxResults: '1000' }
            }
          ],
          answer: { output: EVENTS.slice(0, 1000), pages: 1, more: true }
        }
      ])
      // Creating events needs `calendar.events`, which a connection for reading was not granted.
      await checkMissingScope(
        t,
        context,
        'create_calendar_event',
        {
          calendar_id: 'primary',
          summary: 'Lunch',
          start: { dateTime: '2025-05-28T12:00:00Z' },
          end: { dateTime: '2025-05-28T13:00:00Z' }
        },
        [CALENDAR_EVENTS]
      )
    }
  )
})

t.test('Google: a connection created to create folders and events', async (t) => {
  await googleScenario(
    t,
    ['create_drive_folder', 'create_calendar_event'],
    `${DRIVE_FILE} ${CALENDAR_EVENTS} openid email`,
    async (t, context) => {
      await checkActions(t, context, [
        {
          action: 'create_drive_folder',
          input: { name: 'Invoices', parents: ['0BwwA4oUTeiV1TGRPeTVjaWRDY1E'] },
          // https://developers.google.com/drive/api/v3/folder: a file of the folder MIME type, metadata only.
          answer: {
            echo: { method: 'POST', path: '/api/drive/v3/files', query: {} },
            sentBody: {
              name: 'Invoices',
              mimeType: 'application/vnd.google-apps.folder',
              parents: ['0BwwA4oUTeiV1TGRPeTVjaWRDY1E']
            }
          }
        },
        {
          action: 'create_calendar_event',
          input: {
            calendar_id: 'primary',
            summary: 'Google I/O 2025',
            location: '800 Howard St., San Francisco, CA 94103',
            start: { dateTime: '2025-05-28T09:00:00-07:00', timeZone: 'America/Los_Angeles' },
            end: { dateTime: '2025-05-28T17:00:00-07:00', timeZone: 'America/Los_Angeles' },
            attendees: [{ email: 'lpage@example.com' }, { email: 'sbrin@example.com', optional: true }],
            send_updates: 'all'
          },
          // https://developers.google.com/calendar/api/v3/reference/events/insert
          answer: {
            echo: { method: 'POST', path: '/api/calendar/v3/calendars/primary/events', query: { sendUpdates: 'all' } },
            sentBody: {
              summary: 'Google I/O 2025',
              location: '800 Howard St., San Francisco, CA 94103',
              start: { dateTime: '2025-05-28T09:00:00-07:00', timeZone: 'America/Los_Angeles' },
              end: { dateTime: '2025-05-28T17:00:00-07:00', timeZone: 'America/Los_Angeles' },
              attendees: [{ email: 'lpage@example.com' }, { email: 'sbrin@example.com', optional: true }]
            }
          }
        }
      ])
    }
  )
})
