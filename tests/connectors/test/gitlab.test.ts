import t from 'tap'
import { gitlab } from '@latchkey/connector-gitlab'
import { checkActions, checkMissingScope } from './actions.js'
import { checkRateLimitWaitedOut, runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

// https://docs.gitlab.com/api/oauth2/
// Any GitLab host (self-managed here); access tokens last two hours; refresh tokens rotate;
// RFC 7009 revocation with the client credentials. Rate limits answer 429 with
// `RateLimit-Reset` (epoch seconds): https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/
const oauthApp = {
  connector: gitlab,
  provider: {
    clientAuth: 'client_secret_post',
    rotateRefreshTokens: true,
    accessTokenTtlSeconds: 7200,
    rateLimitResetHeader: 'ratelimit-reset'
  },
  // https://docs.gitlab.com/api/users/#for-non-administrator-users
  verification: {
    path: '/api/user',
    answer: { id: 1, username: 'ada', name: 'Ada Lovelace' },
    account: { user: 'ada', name: 'Ada Lovelace' }
  },
  call: { url: '/projects?membership=true', providerPath: '/api/projects', auth: 'bearer' },
  refresh: 'rotating',
  revoke: [
    { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'refresh' },
    { token: 'access' }
  ]
} satisfies Omit<RedirectScenario, 'authorize'>

t.test('GitLab: a self-managed host, rotating refresh tokens, revocation, RateLimit-Reset', async (t) => {
  await runRedirectScenario(t, {
    ...oauthApp,
    parameters: { host: 'gitlab.example.com' },
    site: { template: '{{parameters.host}}', expected: 'gitlab.example.com' },
    authorize: { scope: 'read_user read_api', pkce: true },
    whileConnected: async (t, context) => {
      await checkRateLimitWaitedOut(t, context, 429, '/projects')
      // The default scopes read: creating an issue needs `api`.
      await checkMissingScope(t, context, 'create_issue', { project: 'acme/widgets', title: 'Broken build' }, ['api'])
    }
  })
})

// https://docs.gitlab.com/api/rest/#pagination
// Offset-based lists with `per_page` (at most 100); the `Link` header's rel="next" URL is
// followed as GitLab asks. A project is its ID or its URL-encoded path (`acme%2Fwidgets`):
// https://docs.gitlab.com/api/rest/#namespaced-paths
// GitLab.com here (the default host): the emulator's Link URLs name its root, not the
// self-managed host's `/sites/…` prefix, so they are followed on the default host.
const PROJECTS = Array.from({ length: 230 }, (_, i) => ({ id: 100 + i, path_with_namespace: `acme/project-${i}` }))
const ISSUES = Array.from({ length: 120 }, (_, i) => ({ iid: i + 1, title: `Issue ${i + 1}`, state: 'opened' }))

t.test(
  'GitLab: a connection for the actions asks for `api` (which covers `read_api`); Link-header pages',
  async (t) => {
    await runRedirectScenario(t, {
      ...oauthApp,
      actions: ['list_projects', 'get_project', 'list_issues', 'create_issue'],
      authorize: { scope: 'api', pkce: true },
      whileConnected: (t, context) =>
        checkActions(t, context, [
          {
            action: 'list_projects',
            input: { membership: true, simple: true },
            // https://docs.gitlab.com/api/projects/#list-all-projects
            serves: {
              path: '/api/projects',
              collection: { items: PROJECTS, style: 'link', param: 'page', limitParam: 'per_page' }
            },
            pages: 10,
            requests: [
              { path: '/api/projects', query: { membership: 'true', simple: 'true', per_page: '100' } },
              { path: '/api/projects', query: { membership: 'true', simple: 'true', per_page: '100', page: '2' } },
              { path: '/api/projects', query: { membership: 'true', simple: 'true', per_page: '100', page: '3' } }
            ],
            answer: { output: PROJECTS, pages: 3, more: false }
          },
          {
            action: 'get_project',
            input: { project: 'acme/widgets' },
            // https://docs.gitlab.com/api/projects/#get-a-single-project
            answer: { echo: { method: 'GET', path: '/api/projects/acme%2Fwidgets', query: {} } }
          },
          // Before the list: the emulator serves a path's list to every method once it is set.
          {
            action: 'create_issue',
            input: {
              project: 'acme/widgets',
              title: 'Issues with auth',
              description: 'Login fails after the upgrade.',
              labels: 'bug,p1',
              assignee_ids: [7],
              confidential: true
            },
            // https://docs.gitlab.com/api/issues/#new-issue
            answer: {
              echo: { method: 'POST', path: '/api/projects/acme%2Fwidgets/issues', query: {} },
              sentBody: {
                title: 'Issues with auth',
                description: 'Login fails after the upgrade.',
                labels: 'bug,p1',
                assignee_ids: [7],
                confidential: true
              }
            }
          },
          {
            action: 'list_issues',
            input: { project: 'acme/widgets', state: 'opened', labels: 'bug' },
            // https://docs.gitlab.com/api/issues/#list-project-issues
            serves: {
              path: '/api/projects/acme%2Fwidgets/issues',
              collection: { items: ISSUES, style: 'link', param: 'page', limitParam: 'per_page' }
            },
            pages: 10,
            requests: [
              {
                path: '/api/projects/acme%2Fwidgets/issues',
                query: { state: 'opened', labels: 'bug', per_page: '100' }
              },
              {
                path: '/api/projects/acme%2Fwidgets/issues',
                query: { state: 'opened', labels: 'bug', per_page: '100', page: '2' }
              }
            ],
            answer: { output: ISSUES, pages: 2, more: false }
          }
        ])
    })
  }
)
