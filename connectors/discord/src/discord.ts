import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Discord: a user's OAuth2 authorization (not a bot token). The OAuth2 URLs, scopes and token
 * answers are as Discord's OAuth2 topic lists them: the token and revocation endpoints take
 * form bodies only, with the client in HTTP Basic or the body (Basic here, as Discord's
 * examples do); access tokens last 604800 s and refresh answers carry a refresh token.
 * Revocation is RFC 7009 ("revoking a token revokes every token of that authorization").
 * Discord's authorization server metadata advertises S256 PKCE.
 *
 * @see https://discord.com/developers/docs/topics/oauth2
 * @see https://discord.com/.well-known/oauth-authorization-server
 * @see https://discord.com/developers/docs/resources/user#get-current-user
 */
export const discord = defineConnector({
  key: 'discord',
  name: 'Discord',
  version: '1.0.0',
  description: "A Discord user's profile, guilds and connections, authorized with OAuth2.",
  docsUrl: 'https://discord.com/developers/docs/topics/oauth2',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    // "OAuth2 URLs": https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-urls
    authorizeUrl: 'https://discord.com/oauth2/authorize',
    tokenUrl: 'https://discord.com/api/oauth2/token',
    revokeUrl: 'https://discord.com/api/oauth2/token/revoke',
    // The user-authorizable scopes of https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-scopes
    // (bot, webhook and client-credentials-only scopes are left out: they are other flows).
    scopes: {
      identify: 'allows /users/@me without email',
      email: 'enables /users/@me to return an email',
      connections: 'allows /users/@me/connections to return linked third-party accounts',
      guilds: "allows /users/@me/guilds to return basic information about all of a user's guilds",
      'guilds.join': 'allows /guilds/{guild.id}/members/{user.id} to be used for joining users to a guild',
      'guilds.members.read':
        "allows /users/@me/guilds/{guild.id}/member to return a user's member information in a guild",
      'gdm.join': 'allows your app to join users to a group dm',
      'role_connections.write': "allows your app to update a user's connection and metadata for the app",
      'applications.builds.read': "allows your app to read build data for a user's applications",
      'applications.entitlements': "allows your app to read entitlements for a user's applications",
      'applications.store.update':
        "allows your app to read and update store data (SKUs, store listings, achievements, etc.) for a user's applications"
    },
    defaultScopes: ['identify'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    // `code_challenge_methods_supported: ["S256"]` in Discord's authorization server metadata.
    pkce: true,
    // "All calls to the OAuth2 endpoints require either HTTP Basic authentication or client_id and client_secret supplied in the form data body."
    clientAuthMethod: 'client_secret_basic'
  },
  // The API base of Discord's own OAuth2 examples (`API_ENDPOINT = 'https://discord.com/api/v10'`).
  http: { baseUrl: 'https://discord.com/api/v10' },
  // The user object: https://discord.com/developers/docs/resources/user#user-object
  verification: { path: '/users/@me', identity: { user: 'username', id: 'id' } }
})
