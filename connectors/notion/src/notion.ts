import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Notion: Notion workspaces. The token request is JSON with Basic client authentication; tokens do not expire; the workspace is kept.
 *
 * @see https://developers.notion.com/docs/authorization
 */
export const notion = defineConnector({
  key: 'notion',
  name: 'Notion',
  version: '1.0.0',
  description: 'Notion workspaces.',
  docsUrl: 'https://developers.notion.com/docs/authorization',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://api.notion.com/v1/oauth/authorize',
    tokenUrl: 'https://api.notion.com/v1/oauth/token',
    clientAuthMethod: 'client_secret_basic',
    tokenRequestFormat: 'json',
    pkce: false,
    authorizeParams: { owner: 'user' },
    tokenResponse: { keepFields: ['workspace_id', 'workspace_name', 'bot_id'] }
  },
  http: { baseUrl: 'https://api.notion.com/v1', headers: { 'Notion-Version': '2022-06-28' } },
  verification: { path: '/users/me', identity: { bot: 'name' } }
})
