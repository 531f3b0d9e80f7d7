import { defineConnector } from '@latchkey/connector-sdk'

/** Recipients as Graph takes them: `[{ "emailAddress": { "address": "…", "name": "…" } }]`. */
const recipients = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      emailAddress: {
        type: 'object',
        properties: { address: { type: 'string', format: 'email' }, name: { type: 'string' } },
        required: ['address'],
        additionalProperties: false
      }
    },
    required: ['emailAddress'],
    additionalProperties: false
  }
}

/**
 * Microsoft Graph: Microsoft 365 through Microsoft Graph. The directory (tenant) is a parameter; `offline_access` is always requested for a refresh token.
 *
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export const microsoftGraph = defineConnector({
  key: 'microsoft-graph',
  name: 'Microsoft Graph',
  version: '1.0.0',
  description: 'Microsoft 365 through Microsoft Graph.',
  docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  parameters: [
    {
      key: 'tenant',
      label: 'Directory (tenant)',
      default: 'common',
      pattern: '[A-Za-z0-9.-]+',
      patternMessage: 'A tenant id, a domain such as contoso.onmicrosoft.com, or common',
      helpText: 'Use common for any Microsoft account, or your directory id.'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://login.microsoftonline.com/{{parameters.tenant}}/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/{{parameters.tenant}}/oauth2/v2.0/token',
    clientAuthMethod: 'client_secret_post',
    // Display strings as in https://learn.microsoft.com/en-us/graph/permissions-reference
    scopes: {
      'User.Read': 'Sign in and read the user profile',
      'User.Read.All': "Read all users' full profiles",
      'Mail.Read': 'Read mail',
      'Mail.Send': 'Send mail as a user',
      'Files.Read': 'Read user files',
      'Files.Read.All': 'Read all files the user can access',
      'Calendars.Read': 'Read calendars'
    },
    defaultScopes: ['User.Read'],
    // All the files the user can access include the user's own: Files.Read.All is listed as a higher privileged
    // permission for reading a drive's items. https://learn.microsoft.com/en-us/graph/api/driveitem-list-children
    scopeIncludes: { 'Files.Read.All': ['Files.Read'] },
    customerSelectsScopes: true,
    offlineAccess: { scope: 'offline_access' }
  },
  http: { baseUrl: 'https://graph.microsoft.com/v1.0' },
  // `/me` needs `User.Read` (its least privileged delegated permission): asked with any actions too.
  // https://learn.microsoft.com/en-us/graph/api/user-get
  verification: {
    path: '/me',
    identity: { user: 'userPrincipalName', name: 'displayName' },
    scopes: ['User.Read']
  },
  // Lists page with `@odata.nextLink`, the full URL of the next page in the answer, followed as it is ("apply the
  // entire URL returned in @odata.nextLink": https://learn.microsoft.com/en-us/graph/paging); `$top` sets the page
  // size and the items are in `value`.
  actions: [
    {
      key: 'list_messages',
      name: 'List messages',
      description: "Messages in the signed-in user's mailbox, 10 a page by default ($top up to 1000).",
      method: 'GET',
      // https://learn.microsoft.com/en-us/graph/api/user-list-messages
      path: '/me/messages',
      query: {
        $top: '{{input.top}}',
        $select: '{{input.select}}',
        $filter: '{{input.filter}}',
        $orderby: '{{input.orderby}}'
      },
      input: {
        type: 'object',
        properties: {
          top: { type: 'integer', minimum: 1, maximum: 1000, description: 'Page size' },
          select: { type: 'string', minLength: 1, description: 'Comma-separated properties (e.g. "subject,from")' },
          filter: { type: 'string', minLength: 1, description: 'An OData $filter expression' },
          orderby: { type: 'string', minLength: 1, description: 'e.g. "receivedDateTime desc"' }
        },
        additionalProperties: false
      },
      scopes: ['Mail.Read'],
      output: 'value',
      pagination: { style: 'link', linkPath: '@odata.nextLink' }
    },
    {
      key: 'send_mail',
      name: 'Send mail',
      description: 'Sends a message as the signed-in user (saved in Sent Items unless told otherwise).',
      method: 'POST',
      // JSON body `message` and `saveToSentItems`; 202 Accepted, no body.
      // https://learn.microsoft.com/en-us/graph/api/user-sendmail
      path: '/me/sendMail',
      body: {
        message: {
          subject: '{{input.subject}}',
          body: { contentType: '{{input.content_type}}', content: '{{input.content}}' },
          toRecipients: '{{input.to_recipients}}',
          ccRecipients: '{{input.cc_recipients}}'
        },
        saveToSentItems: '{{input.save_to_sent_items}}'
      },
      input: {
        type: 'object',
        properties: {
          subject: { type: 'string', minLength: 1 },
          content_type: { enum: ['Text', 'HTML'] },
          content: { type: 'string' },
          to_recipients: { ...recipients, minItems: 1 },
          cc_recipients: recipients,
          save_to_sent_items: { type: 'boolean', description: 'false: not saved in Sent Items' }
        },
        required: ['subject', 'content_type', 'content', 'to_recipients'],
        additionalProperties: false
      },
      scopes: ['Mail.Send']
    },
    {
      key: 'list_users',
      name: 'List users',
      description: 'Users of the directory (100 a page by default, $top up to 999).',
      method: 'GET',
      // https://learn.microsoft.com/en-us/graph/api/user-list (User.ReadBasic.All is the least privileged permission,
      // for a basic set of properties; User.Read.All reads the full profiles)
      path: '/users',
      query: { $top: '{{input.top}}', $select: '{{input.select}}', $filter: '{{input.filter}}' },
      input: {
        type: 'object',
        properties: {
          top: { type: 'integer', minimum: 1, maximum: 999, description: 'Page size' },
          select: { type: 'string', minLength: 1, description: 'Comma-separated properties' },
          filter: { type: 'string', minLength: 1, description: 'An OData $filter expression' }
        },
        additionalProperties: false
      },
      scopes: ['User.Read.All'],
      output: 'value',
      pagination: { style: 'link', linkPath: '@odata.nextLink' }
    },
    {
      key: 'list_drive_root_children',
      name: 'List files in the OneDrive root',
      description: "The items in the root folder of the signed-in user's drive.",
      method: 'GET',
      // https://learn.microsoft.com/en-us/graph/api/driveitem-list-children ("List children in the root of the
      // current user's drive": GET /me/drive/root/children)
      path: '/me/drive/root/children',
      query: { $top: '{{input.top}}', $select: '{{input.select}}', $orderby: '{{input.orderby}}' },
      input: {
        type: 'object',
        properties: {
          top: { type: 'integer', minimum: 1, description: 'Page size' },
          select: { type: 'string', minLength: 1, description: 'Comma-separated properties (e.g. "id,name,size")' },
          orderby: { type: 'string', minLength: 1, description: 'e.g. "name"' }
        },
        additionalProperties: false
      },
      scopes: ['Files.Read'],
      output: 'value',
      pagination: { style: 'link', linkPath: '@odata.nextLink' }
    },
    {
      key: 'list_drive_children',
      name: 'List files in a folder',
      description: "The items in a folder of the signed-in user's drive, by the folder's item id.",
      method: 'GET',
      // https://learn.microsoft.com/en-us/graph/api/driveitem-list-children (GET /me/drive/items/{item-id}/children)
      path: '/me/drive/items/{{input.item_id}}/children',
      query: { $top: '{{input.top}}', $select: '{{input.select}}', $orderby: '{{input.orderby}}' },
      input: {
        type: 'object',
        properties: {
          item_id: { type: 'string', minLength: 1, description: "The folder's driveItem id" },
          top: { type: 'integer', minimum: 1, description: 'Page size' },
          select: { type: 'string', minLength: 1, description: 'Comma-separated properties (e.g. "id,name,size")' },
          orderby: { type: 'string', minLength: 1, description: 'e.g. "name"' }
        },
        required: ['item_id'],
        additionalProperties: false
      },
      scopes: ['Files.Read'],
      output: 'value',
      pagination: { style: 'link', linkPath: '@odata.nextLink' }
    }
  ]
})
