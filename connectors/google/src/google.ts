import { defineConnector } from '@latchkey/connector-sdk'

/** An event's start or end: `dateTime` (RFC 3339) or, all day, `date` (yyyy-mm-dd); `timeZone` optional. */
const eventTime = {
  type: 'object',
  properties: {
    dateTime: { type: 'string', format: 'date-time' },
    date: { type: 'string', format: 'date' },
    timeZone: { type: 'string', minLength: 1, description: 'An IANA time zone, e.g. "Europe/Zurich"' }
  },
  additionalProperties: false
}

/**
 * Google: Google Workspace APIs (Drive, Gmail, Calendar). `access_type=offline` and `prompt=consent` so that every connect returns a refresh token; PKCE.
 *
 * @see https://developers.google.com/identity/protocols/oauth2/web-server
 */
export const google = defineConnector({
  key: 'google',
  name: 'Google',
  version: '1.0.0',
  description: 'Google Workspace APIs (Drive, Gmail, Calendar).',
  docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    issuer: 'https://accounts.google.com',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    revokeRequest: { tokenTypeHint: false },
    clientAuthMethod: 'client_secret_post',
    scopes: {
      openid: 'Sign in with Google',
      email: 'See the email address',
      profile: 'See the basic profile',
      'https://www.googleapis.com/auth/drive.readonly': 'See and download Google Drive files',
      // Wording of the Drive v3 discovery document (`auth.oauth2.scopes`, in googleapis/google-api-go-client
      // drive/v3/drive-api.json).
      'https://www.googleapis.com/auth/drive.file':
        'See, edit, create, and delete only the specific Google Drive files you use with this app',
      'https://www.googleapis.com/auth/gmail.readonly': 'Read Gmail messages and settings',
      'https://www.googleapis.com/auth/calendar.readonly': 'See calendars',
      // https://developers.google.com/calendar/api/auth
      'https://www.googleapis.com/auth/calendar.events': 'View and edit events on all your calendars'
    },
    defaultScopes: ['openid', 'email'],
    customerSelectsScopes: true,
    offlineAccess: { authorizeParams: { access_type: 'offline', prompt: 'consent' } },
    // Asking an existing connection for more sends only the new scopes; Google adds them to the grant.
    // https://developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth
    incrementalConsent: { authorizeParams: { include_granted_scopes: 'true' } }
  },
  http: { baseUrl: 'https://www.googleapis.com' },
  // The userinfo endpoint answers the email with the `email` scope (and `openid`); asked with any actions too.
  // https://developers.google.com/identity/openid-connect/openid-connect#scope-param
  verification: {
    path: '/oauth2/v3/userinfo',
    identity: { email: 'email', name: 'name' },
    scopes: ['openid', 'email']
  },
  // Actions of the APIs Google documents on www.googleapis.com: Drive v3 and Calendar v3. Gmail is documented on
  // its own host (GET https://gmail.googleapis.com/gmail/v1/users/{userId}/messages,
  // https://developers.google.com/gmail/api/reference/rest/v1/users.messages/list), not below this base URL.
  // Lists page with `pageToken` in the query and `nextPageToken` in the answer, absent on the last page.
  actions: [
    {
      key: 'list_drive_files',
      name: 'List Drive files',
      description: "The user's files, including trashed ones unless `q` says `trashed = false`.",
      method: 'GET',
      // GET https://www.googleapis.com/drive/v3/files; `pageSize` 1 to 1000, default 100 (the discovery document's
      // `drive.files.list`); scopes include drive.readonly.
      // https://developers.google.com/workspace/drive/api/v3/reference/files/list
      path: '/drive/v3/files',
      query: {
        q: '{{input.q}}',
        orderBy: '{{input.order_by}}',
        corpora: '{{input.corpora}}',
        driveId: '{{input.drive_id}}',
        includeItemsFromAllDrives: '{{input.include_items_from_all_drives}}',
        supportsAllDrives: '{{input.supports_all_drives}}'
      },
      input: {
        type: 'object',
        properties: {
          q: { type: 'string', minLength: 1, description: 'A search query, e.g. "trashed = false"' },
          order_by: { type: 'string', minLength: 1, description: 'e.g. "modifiedTime desc,name"' },
          corpora: { enum: ['user', 'domain', 'drive', 'allDrives'] },
          drive_id: { type: 'string', minLength: 1, description: 'The shared drive to search' },
          include_items_from_all_drives: { type: 'boolean' },
          supports_all_drives: { type: 'boolean' }
        },
        additionalProperties: false
      },
      output: 'files',
      scopes: ['https://www.googleapis.com/auth/drive.readonly'],
      pagination: {
        style: 'cursor',
        param: 'pageToken',
        cursorPath: 'nextPageToken',
        limitParam: 'pageSize',
        limit: 1000
      }
    },
    {
      key: 'create_drive_folder',
      name: 'Create a Drive folder',
      description: 'A folder (a file of type application/vnd.google-apps.folder), in My Drive or in the given parents.',
      method: 'POST',
      // POST https://www.googleapis.com/drive/v3/files with the metadata only; scopes drive, drive.appdata or
      // drive.file.
      // https://developers.google.com/drive/api/v3/reference/files/create
      // https://developers.google.com/drive/api/v3/folder
      path: '/drive/v3/files',
      body: { name: '{{input.name}}', mimeType: 'application/vnd.google-apps.folder', parents: '{{input.parents}}' },
      input: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, description: 'The folder name, without an extension' },
          parents: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            maxItems: 1,
            description: 'The parent folder id ("root" for My Drive)'
          }
        },
        required: ['name'],
        additionalProperties: false
      },
      scopes: ['https://www.googleapis.com/auth/drive.file']
    },
    {
      key: 'list_calendar_events',
      name: 'List calendar events',
      description: 'Events of a calendar ("primary" for the user\'s own), optionally between two times.',
      method: 'GET',
      // GET https://www.googleapis.com/calendar/v3/calendars/calendarId/events, `maxResults` 250 by default and never
      // above 2500; a page may hold fewer, even none, before the last: only `nextPageToken` tells.
      // https://developers.google.com/calendar/api/v3/reference/events/list
      path: '/calendar/v3/calendars/{{input.calendar_id}}/events',
      query: {
        timeMin: '{{input.time_min}}',
        timeMax: '{{input.time_max}}',
        q: '{{input.q}}',
        singleEvents: '{{input.single_events}}',
        orderBy: '{{input.order_by}}'
      },
      input: {
        type: 'object',
        properties: {
          calendar_id: { type: 'string', minLength: 1, description: '"primary", or an id from the calendar list' },
          time_min: { type: 'string', format: 'date-time', description: 'Events ending after (RFC 3339)' },
          time_max: { type: 'string', format: 'date-time', description: 'Events starting before (RFC 3339)' },
          q: { type: 'string', minLength: 1, description: 'Free text search' },
          single_events: { type: 'boolean', description: 'Expand recurring events into instances' },
          order_by: { enum: ['startTime', 'updated'], description: '"startTime" needs single_events' }
        },
        required: ['calendar_id'],
        additionalProperties: false
      },
      output: 'items',
      scopes: ['https://www.googleapis.com/auth/calendar.readonly'],
      pagination: {
        style: 'cursor',
        param: 'pageToken',
        cursorPath: 'nextPageToken',
        limitParam: 'maxResults',
        limit: 1000
      }
    },
    {
      key: 'create_calendar_event',
      name: 'Create a calendar event',
      method: 'POST',
      // POST https://www.googleapis.com/calendar/v3/calendars/calendarId/events; `start` and `end` required; scopes
      // calendar or calendar.events. https://developers.google.com/calendar/api/v3/reference/events/insert
      path: '/calendar/v3/calendars/{{input.calendar_id}}/events',
      query: { sendUpdates: '{{input.send_updates}}' },
      body: {
        summary: '{{input.summary}}',
        description: '{{input.description}}',
        location: '{{input.location}}',
        start: '{{input.start}}',
        end: '{{input.end}}',
        attendees: '{{input.attendees}}'
      },
      input: {
        type: 'object',
        properties: {
          calendar_id: { type: 'string', minLength: 1, description: '"primary", or an id from the calendar list' },
          summary: { type: 'string', minLength: 1, description: 'The title' },
          description: { type: 'string' },
          location: { type: 'string' },
          start: eventTime,
          end: eventTime,
          attendees: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                email: { type: 'string', format: 'email' },
                displayName: { type: 'string' },
                optional: { type: 'boolean' }
              },
              required: ['email'],
              additionalProperties: false
            }
          },
          send_updates: { enum: ['all', 'externalOnly', 'none'], description: 'Who is told of the new event' }
        },
        required: ['calendar_id', 'summary', 'start', 'end'],
        additionalProperties: false
      },
      scopes: ['https://www.googleapis.com/auth/calendar.events']
    }
  ]
})
