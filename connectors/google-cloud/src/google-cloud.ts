import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Google Cloud: the projects, folders, organizations and IAM policies of the Cloud Resource
 * Manager API, reached with a service account's JSON key that the end customer pastes in.
 *
 * - Auth: "Preparing to make an authorized API call": the service account signs a JWT whose
 *   claims are `iss` (the service account's email), `scope` ("A space-delimited list of the
 *   permissions that the application requests"), `aud` (always
 *   `https://oauth2.googleapis.com/token`), `exp` (at most an hour after `iat`), signed with
 *   RS256 by the key file's `private_key`, with the key file's `private_key_id` as `kid`; it is
 *   exchanged at `https://oauth2.googleapis.com/token` with
 *   `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`. The answer is an access token
 *   (an hour); there is no refresh token: a new assertion is signed when it expires.
 * - Scopes: Google recommends the broad `cloud-platform` scope and controlling access with the
 *   service account's IAM roles; the read-only one suits flows that only read.
 * - API calls: `Authorization: Bearer <token>` on `https://cloudresourcemanager.googleapis.com`.
 * - Verification: `GET /v3/projects:search` lists the projects the service account can see; it
 *   answers 200 (maybe with no project) when the token is good, 401 when it is not. The account
 *   is the key's service account (`client_email`), kept with the credentials.
 *
 * @see https://developers.google.com/identity/protocols/oauth2/service-account#httprest
 * @see https://cloud.google.com/iam/docs/service-account-creds#key-types
 * @see https://developers.google.com/identity/protocols/oauth2/scopes#cloudresourcemanager
 * @see https://cloud.google.com/resource-manager/reference/rest/v3/projects/search
 */
export const googleCloud = defineConnector({
  key: 'google-cloud',
  name: 'Google Cloud',
  version: '1.0.0',
  description:
    'Projects, folders, organizations and IAM policies of a Google Cloud organization (Cloud Resource Manager), with a service account key.',
  docsUrl: 'https://cloud.google.com/resource-manager/reference/rest',
  auth: {
    kind: 'jwtBearer',
    // The pasted key file: JSON with "type": "service_account", client_email and private_key.
    serviceAccount: true,
    tokenUrl: 'https://oauth2.googleapis.com/token',
    assertion: { issuer: '{{credentials.client_email}}' },
    scopes: {
      'https://www.googleapis.com/auth/cloud-platform':
        'See, edit, configure, and delete your Google Cloud data and see the email address for your Google Account',
      'https://www.googleapis.com/auth/cloud-platform.read-only':
        'View your data across Google Cloud services and see the email address of your Google Account'
    },
    defaultScopes: ['https://www.googleapis.com/auth/cloud-platform']
  },
  http: { baseUrl: 'https://cloudresourcemanager.googleapis.com' },
  // Any project visible or none: a 200 proves the key and the token.
  verification: { path: '/v3/projects:search' }
})
