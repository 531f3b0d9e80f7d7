import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Calendly: event types, scheduled events, invitees, availability and webhooks through the
 * Calendly API v2, with a public OAuth app or a personal access token.
 *
 * OAuth 2.0 authorization code:
 * - Authorize: `GET https://auth.calendly.com/oauth/authorize` with `client_id`,
 *   `response_type=code` and `redirect_uri`; "we recommend using the PKCE flow for all OAuth
 *   applications" (`code_challenge_method=S256`), so Latchkey's default S256 PKCE stays on.
 * - Scopes: "List scopes separated by spaces. Only include the scopes your app needs." Since
 *   scopes were introduced, "for newly created OAuth apps and new Personal Access Tokens, no
 *   API access is granted until scopes are explicitly requested and approved", and "a `:write`
 *   scope implicitly includes the corresponding `:read` scope within the same domain".
 * - Token and refresh: `POST https://auth.calendly.com/oauth/token`, a form body; "Web clients:
 *   pass client_id and client_secret via Basic HTTP Authorization header", hence
 *   `client_secret_basic`. "Access Tokens expire after 2 hours." The answer also names the
 *   token's `owner` (the user's URI) and its `organization` URI, both kept on the connection.
 * - Refresh tokens are single use: "A refresh token is revoked immediately after a successful
 *   POST /oauth/token call", and every answer carries a new one.
 * - Revocation: `POST https://auth.calendly.com/oauth/revoke`, a form with `client_id`,
 *   `client_secret` and `token` ("The access/refresh token provided by Calendly"): the client
 *   in the body this time, and no `token_type_hint` documented. Latchkey revokes the refresh
 *   token, then the access token, each in its own request.
 * - Calendly publishes RFC 8414 metadata at https://calendly.com/.well-known/oauth-authorization-server;
 *   its `issuer` value was not in the pages read, so no `issuer` is declared and the URLs are
 *   written out.
 *
 * Personal access token: made in Calendly under Integrations → API & Webhooks, with the scopes
 * picked there, and sent as `Authorization: Bearer` like an OAuth token ("Authorization header
 * (bearer token, required) — Personal Access Token"). Its format is not documented, so no pattern.
 *
 * Rate limits: 500 requests per user per minute on paid plans, 50 on Free; a 429 says when the
 * window resets in `X-RateLimit-Reset`, "Number of seconds until the limit resets (typically 60
 * seconds)", longer than Latchkey waits, so such an answer goes back to the caller. Only 8 OAuth
 * tokens per user can be requested a minute.
 *
 * @see https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users
 * @see https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/get-oauth-authorize
 * @see https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-refresh-token
 * @see https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-revoke
 * @see https://developer.calendly.com/refresh-token-rotation-guide
 * @see https://developer.calendly.com/docs/authentication/scopes
 * @see https://developer.calendly.com/docs/authentication/how-to-authenticate-with-personal-access-tokens
 * @see https://developer.calendly.com/api-docs/overview/rate-limits
 * @see https://developer.calendly.com/api-docs/calendly-api/users/get-user
 * @see https://developer.calendly.com/how-to-find-the-organization-or-user-uri
 */
export const calendly = defineConnector({
  key: 'calendly',
  name: 'Calendly',
  version: '1.0.0',
  description: 'Event types, scheduled events, invitees, availability and webhooks in Calendly.',
  docsUrl: 'https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Calendly',
      authorizeUrl: 'https://auth.calendly.com/oauth/authorize',
      tokenUrl: 'https://auth.calendly.com/oauth/token',
      revokeUrl: 'https://auth.calendly.com/oauth/revoke',
      // `client_id`, `client_secret` and `token` in the form body; no type hint documented.
      revokeRequest: { clientAuthMethod: 'client_secret_post', tokenTypeHint: false },
      /**
       * Calendly's scope catalog, with its descriptions.
       * @see https://developer.calendly.com/docs/authentication/scopes
       */
      scopes: {
        'availability:read': 'Retrieve user and event-type availability.',
        'availability:write': 'Update event type availability.',
        'event_types:read': 'Retrieve event type details and available times.',
        'event_types:write': 'Create or update event types.',
        'locations:read': 'Retrieve configured meeting locations.',
        'routing_forms:read': 'Retrieve routing forms and submissions.',
        'shares:write': 'Create and customize a single-use scheduling link from an existing event type.',
        'scheduled_events:read': 'Retrieve scheduled events and event invitee information.',
        'scheduled_events:write': 'Create event invitees, cancel events or mark invitees as no-show.',
        'scheduling_links:write':
          'Create a single-use scheduling link from an existing event type without any customization.',
        'groups:read': 'Retrieve group details and relationships.',
        'organizations:read': 'Retrieve organization data, memberships, and invitations.',
        'organizations:write': 'Invite or remove users from an organization.',
        'users:read': 'Retrieve user information.',
        'webhooks:read': 'Retrieve webhook subscriptions and sample payloads.',
        'webhooks:write': 'Create or delete webhook subscriptions.',
        'activity_log:read': 'View organization activity.',
        'data_compliance:write': 'Delete invitee or event data.',
        'outgoing_communications:read': 'Retrieve a list of outgoing SMS and email communications.'
      },
      // GET /users/me, the verification, needs `users:read`.
      defaultScopes: ['users:read'],
      // "A :write scope implicitly includes the corresponding :read scope within the same domain."
      scopeIncludes: {
        'availability:write': ['availability:read'],
        'event_types:write': ['event_types:read'],
        'scheduled_events:write': ['scheduled_events:read'],
        'organizations:write': ['organizations:read'],
        'webhooks:write': ['webhooks:read']
      },
      scopeDelimiter: ' ',
      customerSelectsScopes: true,
      pkce: true,
      // A web client: client_id and client_secret in a Basic header at the token endpoint.
      clientAuthMethod: 'client_secret_basic',
      tokenResponse: { keepFields: ['owner', 'organization'] }
    },
    {
      kind: 'apiKey',
      key: 'personal_access_token',
      label: 'Personal access token',
      input: {
        label: 'Personal access token',
        helpText:
          'In Calendly: Integrations → API & Webhooks → Generate new token, with the scopes this application needs. Calendly shows it once.',
        docsUrl: 'https://developer.calendly.com/docs/authentication/how-to-authenticate-with-personal-access-tokens'
      },
      send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
    }
  ],
  http: {
    baseUrl: 'https://api.calendly.com',
    // "X-RateLimit-Reset: Number of seconds until the limit resets (typically 60 seconds)".
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'delay_seconds' }
  },
  /**
   * GET /users/me ("the constant "me" to reference the caller", scope `users:read`): the user in
   * `resource`, its URI as `uri` and its organization's as `current_organization`.
   * @see https://developer.calendly.com/api-docs/calendly-api/users/get-user
   */
  verification: {
    path: '/users/me',
    identity: {
      user: 'resource.uri',
      name: 'resource.name',
      email: 'resource.email',
      organization: 'resource.current_organization'
    }
  }
})
