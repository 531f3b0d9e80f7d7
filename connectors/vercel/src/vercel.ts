import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Vercel: projects, deployments, domains and environment variables through the Vercel REST
 * API, with an access token typed in by the end customer.
 *
 * - "All endpoints live under the URL https://api.vercel.com"; "Vercel Access Tokens are
 *   required to authenticate and use the Vercel API. `Authorization: Bearer <TOKEN>`".
 *   Tokens are created on the Account Tokens page and scoped to the account, a team or a
 *   project.
 * - A team: "By default, you can access resources contained within your own user account
 *   (personal). To access resources owned by a team ... you must first find the team ID";
 *   endpoints take it as the `teamId` query parameter ("The Team identifier to perform the
 *   request on behalf of"). Hence an optional Team ID, sent as `teamId` on every call when
 *   given and left out when not.
 *
 * @see https://vercel.com/docs/rest-api
 * @see https://vercel.com/docs/accounts/access-tokens
 * @see https://vercel.com/docs/rest-api/authentication/create-an-auth-token (the `teamId` query parameter)
 * @see https://vercel.com/docs/rest-api/user/get-the-user
 */
export const vercel = defineConnector({
  key: 'vercel',
  name: 'Vercel',
  version: '1.0.0',
  description: 'Projects, deployments and domains in Vercel, for a personal account or a team.',
  docsUrl: 'https://vercel.com/docs/rest-api',
  parameters: [
    {
      key: 'teamId',
      label: 'Team ID',
      required: false,
      helpText: 'Leave empty for your personal account; a team’s ID is in its Settings (team_…).',
      docsUrl: 'https://vercel.com/docs/rest-api',
      example: 'team_nllPyCtREAqxxdyFKbbMDlxd',
      pattern: '[A-Za-z0-9_-]+',
      patternMessage: 'A team ID such as team_nllPyCtREAqxxdyFKbbMDlxd'
    }
  ],
  auth: {
    kind: 'apiKey',
    input: {
      label: 'Access token',
      helpText: 'Account Settings → Tokens; give it the scope of the team it is for.',
      docsUrl: 'https://vercel.com/docs/accounts/access-tokens'
    },
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://api.vercel.com',
    // Left out when no team is given: the personal account's resources.
    query: { teamId: '{{parameters.teamId}}' }
  },
  // GET /v2/user: "Retrieves information related to the currently authenticated User" (`{ user: {...} }`).
  verification: { path: '/v2/user', identity: { id: 'user.id', user: 'user.username', email: 'user.email' } }
})
