import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Management API permissions (scopes) a machine-to-machine application can be granted, a
 * selection of the ones the Management API reference names on its endpoints (each endpoint's
 * "Scopes" list); each description says what it unlocks and on which endpoints.
 * @see https://auth0.com/docs/api/management/v2
 * @see https://auth0.com/docs/manage-users/user-accounts/manage-users-using-the-management-api (the user permissions, described)
 * @see https://auth0.com/docs/api/management/v2/users/get-users
 * @see https://auth0.com/docs/api/management/v2/clients/get-clients
 * @see https://auth0.com/docs/api/management/v2/logs/get-logs
 * @see https://auth0.com/docs/api/management/v2/organizations/get-organizations
 * @see https://auth0.com/docs/api/management/v2/tenants/tenant-settings-route
 */
const MANAGEMENT_SCOPES = {
  'read:users':
    'Search and retrieve any user of the tenant: GET /users, /users/{id}, /users-by-email, their roles and permissions, user blocks, user export jobs',
  'create:users':
    'Create users in any database or passwordless connection: POST /users, user import jobs (POST /jobs/users-imports)',
  'update:users':
    'Update any user: PATCH /users/{id}, their roles, permissions and linked identities, unblocking, MFA resets, verification email jobs',
  'update:users_app_metadata': 'Update only the app_metadata of any user: PATCH /users/{id}',
  'delete:users': 'Delete any user: DELETE /users/{id}',
  'read:user_idp_tokens': 'Read the identity provider access tokens of users in GET /users and /users/{id}',
  'create:user_tickets': 'Create email verification and password change tickets: POST /tickets/*',
  'read:clients': 'Read applications: GET /clients, /clients/{id}, /clients/{id}/connections',
  'create:clients': 'Create applications: POST /clients',
  'update:clients': 'Update applications: PATCH /clients/{id}',
  'delete:clients': 'Delete applications: DELETE /clients/{id}',
  'read:client_keys':
    'Read the client_secret, encryption_key and signing_keys of applications in GET /clients and /clients/{id}',
  'read:client_grants': 'Read which applications may call which APIs with which permissions: GET /client-grants',
  'read:connections': 'Read connections (identity providers and databases): GET /connections, /connections/{id}',
  'update:connections': 'Update connections and the applications they are enabled for: PATCH /connections/{id}',
  'read:resource_servers': 'Read the APIs registered in the tenant: GET /resource-servers',
  'read:roles': 'Read roles, their permissions and users: GET /roles, /roles/{id}, /users/{id}/roles',
  'create:roles': 'Create roles: POST /roles',
  'update:roles': 'Update roles and their permissions: PATCH /roles/{id}, POST and DELETE /roles/{id}/permissions',
  'delete:roles': 'Delete roles: DELETE /roles/{id}',
  'read:role_members': 'Read who has a role: GET /roles/{id}/users, /users/{id}/roles',
  'create:role_members': 'Assign roles to users: POST /roles/{id}/users, /users/{id}/roles',
  'delete:role_members': 'Remove roles from users: DELETE /users/{id}/roles',
  'read:logs': 'Read tenant log events: GET /logs, /logs/{id}, /users/{id}/logs',
  'read:organizations': 'Read organizations: GET /organizations, /organizations/{id}, /users/{id}/organizations',
  'create:organizations': 'Create organizations: POST /organizations',
  'update:organizations': 'Update organizations: PATCH /organizations/{id}',
  'delete:organizations': 'Delete organizations: DELETE /organizations/{id}',
  'read:organization_members': 'Read the members of organizations: GET /organizations/{id}/members',
  'create:organization_members': 'Add members to organizations: POST /organizations/{id}/members',
  'delete:organization_members': 'Remove members from organizations: DELETE /organizations/{id}/members',
  'read:organization_invitations': 'Read organization invitations: GET /organizations/{id}/invitations',
  'create:organization_invitations': 'Invite people to organizations: POST /organizations/{id}/invitations',
  'read:sessions': 'Read user sessions: GET /sessions/{id}, /users/{user_id}/sessions',
  'delete:sessions': 'End user sessions: DELETE /sessions/{id}, /users/{user_id}/sessions',
  'read:stats': 'Read active user counts and daily statistics: GET /stats/active-users, /stats/daily',
  'read:tenant_settings': 'Read the tenant settings: GET /tenants/settings (the connection check uses it)',
  'update:tenant_settings': 'Update the tenant settings: PATCH /tenants/settings'
}

/**
 * Auth0: users, applications, connections, roles, organizations and logs of an Auth0 tenant
 * through the Auth0 Management API v2, with a machine-to-machine application the end customer
 * creates in that tenant (OAuth 2.0 client credentials).
 *
 * - The application: "Go to Dashboard > Applications > Applications and click Create
 *   Application ... select Machine to Machine Applications", pick the Auth0 Management API and
 *   "Select the Permissions that you want to be issued as part of your application's access
 *   token, and click Authorize". It exists in the customer's tenant only, so the end customer
 *   gives its client id and secret with the connection (`clientOwnership: 'customer'`).
 * - Token: "perform a POST operation to the `https://{yourDomain}/oauth/token` endpoint, using
 *   the credentials of the Machine-to-Machine Application", form-encoded
 *   `grant_type=client_credentials`, `client_id`, `client_secret` and
 *   `audience=https://{yourDomain}/api/v2/` ("the value of the Identifier field of the Auth0
 *   Management API"). The client secret goes in the body as Auth0's examples show
 *   (`client_secret_post`); the audience is a token parameter. "The response will contain a
 *   signed JWT, an expiration time, the scopes granted, and the token type":
 *   `{"access_token", "expires_in": 86400, "scope", "token_type": "Bearer"}`.
 * - Scopes: the permissions are the ones the application was authorized for in the dashboard.
 *   Auth0's token request has no `scope` ("During a client credential flow, the scopes returned
 *   will always be the full set of authorized scopes for the M2M app ... even if a subset ... were
 *   requested"), so none is sent by default; the declared scopes below name them for flows.
 * - Renewal: "A Management API token is valid for 24 hours. Create a new access token when the
 *   old one expires"; "Once issued, an access token cannot be revoked". No refresh token and no
 *   revocation: Latchkey fetches a token again before it expires or when the API answers 401,
 *   and disconnecting deletes the token (the customer deletes the application's grant, or
 *   rotates its secret, in the dashboard).
 * - Calls: "send the API token in the Authorization HTTP header using the Bearer authentication
 *   scheme" to `https://{yourDomain}/api/v2/...`; a method the token's scopes do not permit is a
 *   403, not an expired token. A 429 says when the limit resets in `x-ratelimit-reset`, "UNIX
 *   timestamp, in seconds".
 * - The domain: the tenant's Auth0 domain (`{tenant}.auth0.com`, `{tenant}.us.auth0.com`,
 *   `{tenant}.[au|ca|eu|jp|uk].auth0.com`), shown as Domain on the application's Settings tab.
 *   With a custom domain, Auth0 says to "Continue to use your default tenant domain name (such as
 *   `https://{yourDomain}/api/v2/`) instead of your custom domain when specifying an audience",
 *   and that token and API requests "must use the same domain": the default domain works for all
 *   three, so one parameter holds it.
 *
 * Not declared: calling through a custom domain (the audience would need the default domain
 * while the token and API URLs use the custom one, two host names a definition would have to
 * choose between); Private Key JWT client authentication, whose assertion Auth0 wants with `aud`
 * "The URL of the Auth0 tenant or custom domain ... `https://{yourTenant}.auth0.com/`", while a
 * `private_key_jwt` scheme here signs `aud` as the token URL; the `organization` token parameter
 * (tokens for one organization); the other 200-odd permissions of the Management API.
 *
 * @see https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens/get-management-api-access-tokens-for-production
 * @see https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens
 * @see https://auth0.com/docs/api/authentication/client-credential-flow/get-token
 * @see https://auth0.com/docs/get-started/auth0-overview/create-applications/machine-to-machine-apps
 * @see https://support.auth0.com/center/s/article/Fetching-an-M2M-token-returns-all-granted-scopes-permissions-instead-of-requested-scopes
 * @see https://auth0.com/docs/tokens/apiv2 ("valid for 24 hours. Create a new access token when the old one expires")
 * @see https://auth0.com/docs/api/management/v2 (Bearer tokens; 403 for a request the scopes do not permit)
 * @see https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-use-cases
 * @see https://auth0.com/docs/troubleshoot/customer-support/operational-policies/public-cloud-service-endpoints
 * @see https://auth0.com/docs/customize/custom-domains/configure-features-to-use-custom-domains (APIs)
 * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt
 */
export const auth0 = defineConnector({
  key: 'auth0',
  name: 'Auth0',
  version: '1.0.0',
  description:
    'Read and manage the users, applications, connections, roles, organizations and logs of an Auth0 tenant through its Management API, with the tenant’s own machine-to-machine application.',
  docsUrl:
    'https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens/get-management-api-access-tokens-for-production',
  parameters: [
    {
      key: 'domain',
      label: 'Auth0 domain',
      helpText:
        'The Domain on the Settings tab of your machine-to-machine application (Applications → Applications), without https://. Use this Auth0 domain even if you have a custom domain: the Management API is identified by it. Then give the Client ID and Client Secret from the same tab; the application must be authorized for the Auth0 Management API with the permissions your flows need (at least read:tenant_settings for the connection check).',
      docsUrl: 'https://auth0.com/docs/get-started/auth0-overview/create-applications/machine-to-machine-apps',
      example: 'acme.us.auth0.com',
      pattern: '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+',
      patternMessage: 'A host name such as acme.us.auth0.com or acme.eu.auth0.com, without https:// or a path'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'client_credentials',
    label: 'Machine-to-machine application',
    // "perform a POST operation to the https://{yourDomain}/oauth/token endpoint"
    tokenUrl: 'https://{{parameters.domain}}/oauth/token',
    // "audience: This is the value of the Identifier field of the Auth0 Management API": https://{yourDomain}/api/v2/
    tokenParams: { audience: 'https://{{parameters.domain}}/api/v2/' },
    scopes: MANAGEMENT_SCOPES,
    // Auth0 issues every permission the application was authorized for and ignores a `scope` request.
    defaultScopes: [],
    scopeDelimiter: ' ',
    // `client_id` and `client_secret` in the form body, as every example of Auth0's shows.
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'form',
    // The application exists in the customer's tenant only.
    clientOwnership: 'customer'
  },
  http: {
    baseUrl: 'https://{{parameters.domain}}/api/v2',
    // "x-ratelimit-reset: UNIX timestamp, in seconds, of the expected time when additional requests will be added to the bucket."
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' }
  },
  /**
   * GET /api/v2/tenants/settings (scope `read:tenant_settings`): the tenant the application's
   * token belongs to, its `friendly_name` ("Friendly name for this tenant") and `support_email`
   * ("End-user support email address"). The tenant's domain is the connection's parameter.
   * @see https://auth0.com/docs/api/management/v2/tenants/tenant-settings-route
   */
  verification: { path: '/tenants/settings', identity: { tenant: 'friendly_name', supportEmail: 'support_email' } }
})
