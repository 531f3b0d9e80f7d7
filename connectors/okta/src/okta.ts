import { defineConnector } from '@latchkey/connector-sdk'

/**
 * The Okta API scopes of the management API's OpenAPI document (`components.securitySchemes.oauth2`,
 * its descriptions word for word): every scope an operation under `/api/v1` names.
 * @see https://github.com/okta/okta-management-openapi-spec/blob/master/dist/current/management-minimal.yaml
 */
const MANAGEMENT_SCOPES = {
  'okta.agentPools.manage': 'Allows the app to create and manage agent pools in your Okta organization',
  'okta.agentPools.read': 'Allows the app to read agent pools in your Okta organization',
  'okta.apiTokens.manage': 'Allows the app to manage API Tokens in your Okta organization',
  'okta.apiTokens.read': 'Allows the app to read API Tokens in your Okta organization',
  'okta.appGrants.manage': 'Allows the app to create and manage grants in your Okta organization',
  'okta.appGrants.read': 'Allows the app to read grants in your Okta organization',
  'okta.apps.interclientTrust.manage': 'Allows the app to manage trusted relationship for native to web SSO',
  'okta.apps.interclientTrust.read': 'Allows the app to read configured trusted relationship for native to web SSO',
  'okta.apps.manage': 'Allows the app to create and manage Apps in your Okta organization',
  'okta.apps.read': 'Allows the app to read information about Apps in your Okta organization',
  'okta.authenticators.manage': 'Allows the app to manage all authenticators. For example, enrollments or resets.',
  'okta.authenticators.read': 'Allows the app to read org authenticators information',
  'okta.authorizationServers.manage':
    'Allows the app to create and manage Authorization Servers in your Okta organization',
  'okta.authorizationServers.read':
    'Allows the app to read information about Authorization Servers in your Okta organization',
  'okta.behaviors.manage': 'Allows the app to create and manage behavior detection rules in your Okta organization',
  'okta.behaviors.read': 'Allows the app to read behavior detection rules in your Okta org',
  'okta.botProtection.manage': 'Allows the app to manage bot protection configuration in your Okta org',
  'okta.botProtection.read': 'Allows the app to read bot protection configuration in your Okta org',
  'okta.brands.manage': 'Allows the app to create and manage Brands and Themes in your Okta organization',
  'okta.brands.read': 'Allows the app to read information about Brands and Themes in your Okta organization',
  'okta.captchas.manage': 'Allows the app to create and manage CAPTCHAs in your Okta organization',
  'okta.captchas.read': 'Allows the app to read information about CAPTCHAs in your Okta organization',
  'okta.customTelephonyProvider.manage': 'Allows the app to create and manage custom telephony provider credentials',
  'okta.customTelephonyProvider.read': 'Allows the app to read custom telephony provider credentials',
  'okta.deviceAssurance.manage': 'Allows the app to manage device assurances',
  'okta.deviceAssurance.read': 'Allows the app to read device assurances',
  'okta.deviceIntegrations.manage': 'Allows the app to manage device integrations',
  'okta.deviceIntegrations.read': 'Allows the app to read device integrations',
  'okta.devicePostureChecks.manage': 'Allows the app to manage device posture checks',
  'okta.devicePostureChecks.read': 'Allows the app to read device posture checks',
  'okta.devices.manage': 'Allows the app to manage device status transitions and delete a device',
  'okta.devices.read': "Allows the app to read the existing device's profile and search devices",
  'okta.directories.groups.manage': 'Allows the app to manage AD/LDAP groups for your Okta organization',
  'okta.directories.groups.read': 'Allows the app to read AD/LDAP groups for your Okta organization',
  'okta.domains.manage': 'Allows the app to manage custom Domains for your Okta organization',
  'okta.domains.read': 'Allows the app to read information about custom Domains for your Okta organization',
  'okta.dr.manage': 'Allows the app to manage disaster recovery',
  'okta.dr.read': 'Allows the app to read the disaster recovery status',
  'okta.emailDomains.manage': 'Allows the app to manage Email Domains for your Okta organization',
  'okta.emailDomains.read': 'Allows the app to read information about Email Domains for your Okta organization',
  'okta.emailServers.manage': 'Allows the app to manage Email Servers for your Okta organization',
  'okta.emailServers.read': 'Allows the app to read information about Email Servers for your Okta organization',
  'okta.eventHooks.manage': 'Allows the app to create and manage Event Hooks in your Okta organization',
  'okta.eventHooks.read': 'Allows the app to read information about Event Hooks in your Okta organization',
  'okta.features.manage': 'Allows the app to create and manage Features in your Okta organization',
  'okta.features.read': 'Allows the app to read information about Features in your Okta organization',
  'okta.groups.manage': 'Allows the app to create and manage groups in your Okta organization',
  'okta.groups.read': 'Allows the app to read information about groups and their members in your Okta organization',
  'okta.identitySources.manage': 'Allows the custom identity sources to manage user entities in your Okta organization',
  'okta.identitySources.read':
    'Allows to read session information for custom identity sources in your Okta organization',
  'okta.idps.manage': 'Allows the app to create and manage Identity Providers in your Okta organization',
  'okta.idps.read': 'Allows the app to read information about Identity Providers in your Okta organization',
  'okta.inlineHooks.manage': 'Allows the app to create and manage Inline Hooks in your Okta organization',
  'okta.inlineHooks.read': 'Allows the app to read information about Inline Hooks in your Okta organization',
  'okta.linkedObjects.manage': 'Allows the app to manage linked object definitions in your Okta organization',
  'okta.linkedObjects.read': 'Allows the app to read linked object definitions in your Okta organization',
  'okta.logStreams.manage': 'Allows the app to create and manage log streams in your Okta organization',
  'okta.logStreams.read': 'Allows the app to read information about log streams in your Okta organization',
  'okta.logs.read': 'Allows the app to read information about System Log entries in your Okta organization',
  'okta.networkZones.manage': 'Allows the app to create and manage Network Zones in your Okta organization',
  'okta.networkZones.read': 'Allows the app to read Network Zones in your Okta organization',
  'okta.oauthIntegrations.manage':
    'Allows the app to create and manage API service Integration instances in your Okta organization',
  'okta.oauthIntegrations.read': 'Allows the app to read API service Integration instances in your Okta organization',
  'okta.orgs.manage': 'Allows the app to manage organization-specific details for your Okta organization',
  'okta.orgs.read': 'Allows the app to read organization-specific details about your Okta organization',
  'okta.personal.adminSettings.manage': 'Allows the app to manage the personal admin settings for the signed-in user',
  'okta.personal.adminSettings.read': 'Allows the app to read the personal admin settings for the signed-in user',
  'okta.policies.manage': 'Allows the app to manage policies in your Okta organization',
  'okta.policies.read': 'Allows the app to read information about policies in your Okta organization',
  'okta.principalRateLimits.manage':
    'Allows the app to create and manage Principal Rate Limits in your Okta organization',
  'okta.principalRateLimits.read':
    'Allows the app to read information about Principal Rate Limits in your Okta organization',
  'okta.profileMappings.manage': 'Allows the app to manage user profile mappings in your Okta organization',
  'okta.profileMappings.read': 'Allows the app to read user profile mappings in your Okta organization',
  'okta.pushProviders.manage': 'Allows the app to create and manage push notification providers such as APNs and FCM',
  'okta.pushProviders.read': 'Allows the app to read push notification providers such as APNs and FCM',
  'okta.rateLimits.manage': 'Allows the app to create and manage rate limits in your Okta organization',
  'okta.rateLimits.read': 'Allows the app to read information about rate limits in your Okta organization',
  'okta.realmAssignments.manage': 'Allows a user to manage realm assignments',
  'okta.realmAssignments.read': 'Allows a user to read realm assignments',
  'okta.realms.manage': 'Allows the app to create new realms and to manage their details',
  'okta.realms.read': 'Allows the app to read the existing realms and their details',
  'okta.roles.manage':
    'Allows the app to manage administrative role assignments for users in your Okta organization. Delegated admins with this permission can only manage user credential fields and not the credential values themselves.',
  'okta.roles.read':
    'Allows the app to read administrative role assignments for users in your Okta organization. Delegated admins with this permission can only read user credential fields and not the credential values themselves.',
  'okta.schemas.manage': 'Allows the app to create and manage Schemas in your Okta organization',
  'okta.schemas.read': 'Allows the app to read information about Schemas in your Okta organization',
  'okta.securityEventsProviders.manage':
    'Allows the app to create and manage Security Events Providers in your Okta organization',
  'okta.securityEventsProviders.read':
    'Allows the app to read information about Security Events Providers in your Okta organization',
  'okta.serviceAccounts.manage': 'Allows the app to manage service accounts in your Okta organization',
  'okta.serviceAccounts.okta.manage': 'Allows the app to manage Okta managed user accounts in your Okta org',
  'okta.serviceAccounts.okta.read': 'Allows the app to read Okta managed user accounts in your Okta org',
  'okta.serviceAccounts.read': 'Allows the app to read service accounts in your Okta organization',
  'okta.sessions.manage': 'Allows the app to manage all sessions in your Okta organization',
  'okta.sessions.read': 'Allows the app to read all sessions in your Okta organization',
  'okta.templates.manage': 'Allows the app to manage all custom templates in your Okta organization',
  'okta.templates.read': 'Allows the app to read all custom templates in your Okta organization',
  'okta.threatInsights.manage': 'Allows the app to manage all ThreatInsight configurations in your Okta organization',
  'okta.threatInsights.read': 'Allows the app to read all ThreatInsight configurations in your Okta organization',
  'okta.trustedOrigins.manage': 'Allows the app to manage all Trusted Origins in your Okta organization',
  'okta.trustedOrigins.read': 'Allows the app to read all Trusted Origins in your Okta organization',
  'okta.uischemas.manage': 'Allows the app to manage all the UI Schemas in your Okta organization',
  'okta.uischemas.read': 'Allows the app to read all the UI Schemas in your Okta organization',
  'okta.userRisk.manage': "Allows the app to manage a user's risk in your Okta org",
  'okta.userRisk.read': "Allows the app to read a user's risk in your Okta org",
  'okta.userTypes.manage': 'Allows the app to manage user types in your Okta org',
  'okta.userTypes.read': 'Allows the app to read user types in your Okta org',
  'okta.users.manage':
    "Allows the app to create new users and to manage all users' profile and credentials information",
  'okta.users.read': "Allows the app to read the existing users' profiles and credentials",
  'ssf.manage': 'Allows the app to create and manage Shared Signals Framework (SSF) in your Okta organization',
  'ssf.read': 'Allows the app to read information about Shared Signals Framework (SSF) in your Okta organization'
}

/**
 * "The available scopes exist in a hierarchy, so that the `manage` scopes can do everything that
 * the `read` scopes do, but more": each resource's `manage` scope covers its `read` scope.
 * @see https://developer.okta.com/docs/guides/implement-oauth-for-okta/main/#scope-naming
 */
const MANAGE_INCLUDES_READ: Record<string, string[]> = Object.fromEntries(
  Object.keys(MANAGEMENT_SCOPES)
    .filter((scope) => scope.endsWith('.manage') && scope.replace(/\.manage$/, '.read') in MANAGEMENT_SCOPES)
    .map((scope) => [scope, [scope.replace(/\.manage$/, '.read')]])
)

/**
 * Okta: users, groups, apps and policies of an Okta org through the Okta management API
 * (`https://{yourOktaDomain}/api/v1`), with an API token or with OAuth 2.0 for Okta.
 *
 * - The org: every URL is on the customer's Okta domain, "a provided subdomain of an official
 *   okta domain (okta.com, oktapreview.com, and so on) or one of your configured custom
 *   domains" (the OpenAPI `servers` variable `yourOktaDomain`), such as `example.okta.com`,
 *   `example.oktapreview.com` or `example.okta-emea.com`. Hence one host-name parameter.
 * - API token: "You need to prefix the value with the `SSWS` identifier, which specifies the
 *   proprietary authentication scheme that Okta uses": `Authorization: SSWS 00QCjAl4MlV-WPXM...`.
 *   "API tokens inherit the privilege level of the admin account that is used to create them";
 *   "Tokens are valid for 30 days from creation or last use". Nothing to refresh; the admin
 *   revokes the token in the Admin Console (Security > API > Tokens).
 * - OAuth 2.0 for Okta: "Request an access token from your Okta org authorization server
 *   `/authorize` endpoint. Only the org authorization server can mint access tokens that contain
 *   Okta API scopes": `https://{yourOktaDomain}/oauth2/v1/authorize` and `/oauth2/v1/token`.
 *   The app is an OIDC web app created in the customer's own org, whose Super Admin grants it
 *   the Okta API scopes ("Scopes requested for the access token must exist in the app's grants
 *   collection"): a client id and secret that exist in that org only, so the end customer brings
 *   them (`clientOwnership: 'customer'`). "Okta recommends that you always use the Authorization
 *   Code with PKCE grant flow"; the token endpoint's client authentication "is configured per
 *   client app", `client_secret_basic` by default (`OAuthEndpointAuthenticationMethod`), which
 *   Okta's examples send. Access tokens last one hour ("The lifetime for this token is fixed at
 *   one hour").
 * - Refresh: "The `offline_access` scope must be requested as part of the code request to the
 *   `/authorize` endpoint"; the app needs the Refresh Token grant type. Web apps keep the refresh
 *   token by default ("Mobile apps and web apps use persistent refresh token behavior"), or
 *   rotate it when the app says "Rotate token after every use": both answers are handled.
 * - Revocation: `POST https://{yourOktaDomain}/oauth2/v1/revoke`, form-encoded `token` and
 *   `token_type_hint` with client authentication (RFC 7009). "Revoking a refresh token does
 *   revoke the associated access token", and revoking one already revoked "returns a `200 OK`".
 * - Rate limits: "`X-Rate-Limit-Reset` - the time at which the rate limit resets, specified in
 *   UTC epoch time (in seconds)", on HTTP 429. No other status is a rate limit, so the remaining
 *   header is not needed to tell them apart.
 *
 * Not declared: the issuer (`https://{yourOktaDomain}`), since every endpoint above is written
 * out from Okta's pages and none of the pages read says the authorization response carries
 * `iss` (RFC 9207), which is what declaring it would add; `client_secret_jwt` and
 * `private_key_jwt` apps (the end customer's client is a secret); the `okta.clients.*` and other
 * scopes of Okta's OAuth API (`/oauth2/v1/clients`), which live outside `/api/v1`; revoking an
 * API token on disconnect (`DELETE /api/v1/api-tokens/current`), since a typed-in credential's
 * disconnect only deletes it.
 *
 * @see https://developer.okta.com/docs/api/openapi/okta-management/guides/overview/
 * @see https://developer.okta.com/docs/guides/create-an-api-token/main/
 * @see https://developer.okta.com/docs/guides/find-your-domain/main/
 * @see https://developer.okta.com/docs/guides/implement-oauth-for-okta/main/
 * @see https://developer.okta.com/docs/guides/refresh-tokens/main/
 * @see https://developer.okta.com/docs/guides/revoke-tokens/main/
 * @see https://developer.okta.com/docs/reference/rl-best-practices/
 * @see https://github.com/okta/okta-management-openapi-spec/blob/master/dist/current/oauth-minimal.yaml (`/oauth2/v1/token`, `/oauth2/v1/revoke`)
 */
export const okta = defineConnector({
  key: 'okta',
  name: 'Okta',
  version: '1.0.0',
  description: 'Users, groups, apps and policies of an Okta org, with an API token or OAuth 2.0 for Okta.',
  docsUrl: 'https://developer.okta.com/docs/api/openapi/okta-management/guides/overview/',
  parameters: [
    {
      key: 'domain',
      label: 'Okta domain',
      helpText:
        'Your org’s Okta domain, without https:// (and without -admin): click your user name in the Admin Console to see it. A custom domain works too.',
      docsUrl: 'https://developer.okta.com/docs/guides/find-your-domain/main/',
      example: 'example.okta.com',
      pattern: '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+',
      patternMessage: 'A host name such as example.okta.com or example.oktapreview.com, without https://'
    }
  ],
  auth: [
    {
      kind: 'apiKey',
      key: 'api_token',
      label: 'API token',
      input: {
        label: 'API token',
        helpText:
          'Admin Console → Security → API → Tokens → Create token. It acts with the permissions of the admin who creates it: Okta suggests a dedicated service account.',
        docsUrl: 'https://developer.okta.com/docs/guides/create-an-api-token/main/'
      },
      // "You need to prefix the value with the SSWS identifier."
      send: [{ in: 'header', name: 'Authorization', value: 'SSWS {{credentials.apiKey}}' }]
    },
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      key: 'oauth2',
      label: 'OAuth 2.0 (an app in your Okta org)',
      // The org authorization server: "Only the org authorization server can mint access tokens that contain Okta API scopes."
      authorizeUrl: 'https://{{parameters.domain}}/oauth2/v1/authorize',
      tokenUrl: 'https://{{parameters.domain}}/oauth2/v1/token',
      revokeUrl: 'https://{{parameters.domain}}/oauth2/v1/revoke',
      scopes: {
        ...MANAGEMENT_SCOPES,
        // https://developer.okta.com/docs/guides/implement-oauth-for-okta/main/#scope-naming
        'okta.users.read.self':
          'Only allows access to the user who authorized the token: reading their own user account',
        // https://github.com/okta/okta-management-openapi-spec/blob/master/dist/current/oauth-minimal.yaml
        offline_access:
          'Requests a refresh token used to obtain more access tokens without re-prompting the user for authentication'
      },
      // GET /api/v1/users/me (the verification) names `okta.users.read`.
      defaultScopes: ['okta.users.read'],
      scopeIncludes: {
        ...MANAGE_INCLUDES_READ,
        // "If the same request is sent with the okta.users.read.self scope, only the current user's account returns."
        'okta.users.manage': ['okta.users.read', 'okta.users.read.self'],
        'okta.users.read': ['okta.users.read.self']
      },
      scopeDelimiter: ' ',
      customerSelectsScopes: true,
      offlineAccess: { scope: 'offline_access' },
      pkce: true,
      clientAuthMethod: 'client_secret_basic',
      // The app exists in the customer's org only.
      clientOwnership: 'customer'
    }
  ],
  http: {
    baseUrl: 'https://{{parameters.domain}}/api/v1',
    rateLimit: { resetHeader: 'x-rate-limit-reset', resetFormat: 'epoch_seconds' }
  },
  /**
   * GET /api/v1/users/me: "You can substitute `me` for the `id` to fetch the current user
   * linked to an API token ... Details of the admin user who granted the API token is returned",
   * and with OAuth the user who signed in. `security: apiToken, oauth2 [okta.users.read]`.
   * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/getUser
   */
  verification: { path: '/users/me', identity: { userId: 'id', login: 'profile.login', email: 'profile.email' } }
})
