import t from 'tap'
import { github } from '@latchkey/connector-github'
import { checkActions, checkMissingScope } from './actions.js'
import { checkRateLimitWaitedOut, runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

// https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
// OAuth apps: comma-separated scopes; the token endpoint answers form-encoded unless asked
// for JSON, and errors come with status 200; user tokens of OAuth apps do not expire and
// come without a refresh token. Primary rate limits answer 403 with x-ratelimit-reset
// (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
// Revocation: https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-token
const oauthApp = {
  connector: github,
  provider: {
    answerFormat: 'form-unless-json',
    errorsIn200: true,
    scopeDelimiter: ',',
    expiresIn: 'absent',
    issueRefreshTokens: false,
    clientAuth: 'client_secret_post',
    revokeClientAuth: 'client_secret_basic'
  },
  // https://docs.github.com/en/rest/users/users#get-the-authenticated-user
  verification: {
    path: '/api/user',
    answer: { login: 'octocat', id: 1, name: 'The Octocat' },
    account: { user: 'octocat', name: 'The Octocat' }
  },
  call: {
    url: '/repos/octocat/hello-world/issues',
    providerPath: '/api/repos/octocat/hello-world/issues',
    auth: 'bearer'
  },
  refresh: 'none',
  revokeUrl: (root) => `${root}/applications/{{client.id}}/token`,
  revoke: [{ method: 'DELETE', contentType: 'application/json', authorization: 'basic', token: 'access' }]
} satisfies Omit<RedirectScenario, 'authorize'>

t.test(
  'GitHub: connect, call, a 403 rate limit waited out, no refresh token, DELETE revocation with the client id in the path',
  async (t) => {
    await runRedirectScenario(t, {
      ...oauthApp,
      authorize: { scope: 'read:user,user:email', pkce: true },
      whileConnected: async (t, context) => {
        await checkRateLimitWaitedOut(t, context, 403, '/rate-limited')
        // The default scopes read the profile only: the repository actions need `repo`.
        await checkMissingScope(t, context, 'list_issues', { owner: 'octocat', repo: 'hello-world' }, ['repo'])
      }
    })
  }
)

// https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
// Lists page by the `Link` header's rel="next" URL (`page`, with every other param kept);
// `per_page` is at most 100.
const ISSUES = Array.from({ length: 250 }, (_, i) => ({ number: i + 1, title: `Issue ${i + 1}`, state: 'open' }))
const REPOS = Array.from({ length: 150 }, (_, i) => ({ id: 5000 + i, full_name: `octocat/repo-${i}` }))

t.test('GitHub: a connection for the repository actions asks for `repo`; Link-header pages', async (t) => {
  await runRedirectScenario(t, {
    ...oauthApp,
    actions: ['list_issues', 'create_issue', 'list_repos', 'get_repo'],
    authorize: { scope: 'repo', pkce: true },
    whileConnected: (t, context) =>
      checkActions(t, context, [
        // Before the list: the emulator serves a path's list to every method once it is set.
        {
          action: 'create_issue',
          input: {
            owner: 'octocat',
            repo: 'hello-world',
            title: 'Found a bug',
            body: "I'm having a problem with this.",
            labels: ['bug']
          },
          // https://docs.github.com/en/rest/issues/issues#create-an-issue
          answer: {
            echo: { method: 'POST', path: '/api/repos/octocat/hello-world/issues', query: {} },
            sentBody: { title: 'Found a bug', body: "I'm having a problem with this.", labels: ['bug'] }
          }
        },
        {
          action: 'list_issues',
          input: { owner: 'octocat', repo: 'hello-world', state: 'all', labels: 'bug,ui' },
          // https://docs.github.com/en/rest/issues/issues#list-repository-issues
          serves: {
            path: '/api/repos/octocat/hello-world/issues',
            collection: { items: ISSUES, style: 'link', param: 'page', limitParam: 'per_page' }
          },
          pages: 5,
          requests: [
            {
              path: '/api/repos/octocat/hello-world/issues',
              query: { state: 'all', labels: 'bug,ui', per_page: '100' }
            },
            {
              path: '/api/repos/octocat/hello-world/issues',
              query: { state: 'all', labels: 'bug,ui', per_page: '100', page: '2' }
            },
            {
              path: '/api/repos/octocat/hello-world/issues',
              query: { state: 'all', labels: 'bug,ui', per_page: '100', page: '3' }
            }
          ],
          answer: { output: ISSUES, pages: 3, more: false }
        },
        {
          action: 'list_repos',
          input: { affiliation: 'owner,collaborator', sort: 'updated' },
          // https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user
          serves: {
            path: '/api/user/repos',
            collection: { items: REPOS, style: 'link', param: 'page', limitParam: 'per_page' }
          },
          // One page asked for: the rel="next" link says more are left.
          pages: 1,
          requests: [
            { path: '/api/user/repos', query: { affiliation: 'owner,collaborator', sort: 'updated', per_page: '100' } }
          ],
          answer: { output: REPOS.slice(0, 100), pages: 1, more: true }
        },
        {
          action: 'get_repo',
          input: { owner: 'octocat', repo: 'hello-world' },
          // https://docs.github.com/en/rest/repos/repos#get-a-repository
          answer: { echo: { method: 'GET', path: '/api/repos/octocat/hello-world', query: {} } }
        }
      ])
  })
})
