import t from 'tap'
import { atlassian } from '@latchkey/connector-atlassian'
import { checkActions, checkMissingScope } from './actions.js'
import { runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

// https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
// `audience=api.atlassian.com` and `prompt=consent` on the authorize URL; `offline_access`
// for a refresh token; JSON token requests with the client in the body; rotating refresh
// tokens. The site (cloud id) comes from the accessible-resources call and is part of
// every API URL: https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3--make-calls-to-the-api-using-the-access-token
const CLOUD_ID = '1324a887-45db-1bf4-1e99-ef0ff456d421'
const API = `/api/ex/jira/${CLOUD_ID}/rest/api/3`
const authorizeParams = { audience: 'api.atlassian.com', prompt: 'consent' }
const oauthApp = {
  connector: atlassian,
  provider: { requireJsonBody: true, clientAuth: 'client_secret_post', rotateRefreshTokens: true },
  // The app's base URL override keeps the connector's {{account.cloudId}}.
  baseUrl: (_, root) => `${root}/api/ex/jira/{{account.cloudId}}/rest/api/3`,
  verification: {
    path: '/oauth/token/accessible-resources',
    answer: [{ id: CLOUD_ID, name: 'acme', url: 'https://acme.atlassian.net', scopes: ['read:jira-work'] }],
    account: { site: 'acme', siteUrl: 'https://acme.atlassian.net', cloudId: CLOUD_ID }
  },
  call: { url: '/myself', providerPath: `${API}/myself`, auth: 'bearer' },
  refresh: 'rotating',
  revoke: 'none'
} satisfies Omit<RedirectScenario, 'authorize'>

t.test(
  'Atlassian: audience and consent prompt, JSON token requests, rotating refresh tokens, the site from accessible resources',
  async (t) => {
    await runRedirectScenario(t, {
      ...oauthApp,
      authorize: { scope: 'read:jira-work read:me offline_access', pkce: true, params: authorizeParams },
      // The default scopes read: creating an issue needs `write:jira-work`.
      whileConnected: (t, context) =>
        checkMissingScope(
          t,
          context,
          'create_issue',
          { project_key: 'ACME', issue_type: 'Task', summary: 'Renew the certificate' },
          ['write:jira-work']
        )
    })
  }
)

const ISSUES = Array.from({ length: 230 }, (_, i) => ({ id: String(10000 + i), key: `ACME-${i + 1}` }))
const PROJECTS = Array.from({ length: 120 }, (_, i) => ({ id: String(10000 + i), key: `P${i}`, name: `Project ${i}` }))
// The emulator's tokens are opaque to Latchkey, which sends back what `nextPageToken` said.
const TOKEN_100 = Buffer.from('at:100').toString('base64url')
const TOKEN_200 = Buffer.from('at:200').toString('base64url')
const DESCRIPTION = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'It expires on Friday.' }] }]
}

t.test(
  'Atlassian: a connection for the actions asks for read and write; nextPageToken and startAt pages',
  async (t) => {
    await runRedirectScenario(t, {
      ...oauthApp,
      actions: ['search_issues', 'get_issue', 'create_issue', 'list_projects'],
      authorize: { scope: 'read:jira-work write:jira-work offline_access', pkce: true, params: authorizeParams },
      whileConnected: (t, context) =>
        checkActions(t, context, [
          {
            action: 'search_issues',
            input: { jql: 'project = ACME ORDER BY created DESC', fields: 'summary,status' },
            // Enhanced search: `nextPageToken` until the last page, which has none.
            // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
            serves: {
              path: `${API}/search/jql`,
              collection: {
                items: ISSUES,
                style: 'cursor',
                param: 'nextPageToken',
                cursorPath: 'nextPageToken',
                itemsPath: 'issues',
                limitParam: 'maxResults'
              }
            },
            pages: 10,
            requests: [
              {
                path: `${API}/search/jql`,
                query: { jql: 'project = ACME ORDER BY created DESC', fields: 'summary,status', maxResults: '100' }
              },
              {
                path: `${API}/search/jql`,
                query: {
                  jql: 'project = ACME ORDER BY created DESC',
                  fields: 'summary,status',
                  maxResults: '100',
                  nextPageToken: TOKEN_100
                }
              },
              {
                path: `${API}/search/jql`,
                query: {
                  jql: 'project = ACME ORDER BY created DESC',
                  fields: 'summary,status',
                  maxResults: '100',
                  nextPageToken: TOKEN_200
                }
              }
            ],
            answer: { output: ISSUES, pages: 3, more: false }
          },
          {
            action: 'list_projects',
            input: { orderBy: 'key' },
            // `startAt` grows by each page's count; a page shorter than `maxResults` is the last.
            // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
            serves: {
              path: `${API}/project/search`,
              collection: {
                items: PROJECTS,
                style: 'offset',
                param: 'startAt',
                itemsPath: 'values',
                limitParam: 'maxResults'
              }
            },
            pages: 10,
            requests: [
              { path: `${API}/project/search`, query: { orderBy: 'key', maxResults: '50', startAt: '0' } },
              { path: `${API}/project/search`, query: { orderBy: 'key', maxResults: '50', startAt: '50' } },
              { path: `${API}/project/search`, query: { orderBy: 'key', maxResults: '50', startAt: '100' } }
            ],
            answer: { output: PROJECTS, pages: 3, more: false }
          },
          {
            action: 'create_issue',
            input: {
              project_key: 'ACME',
              issue_type: 'Task',
              summary: 'Renew the certificate',
              description: DESCRIPTION,
              labels: ['ops']
            },
            // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
            answer: {
              echo: { method: 'POST', path: `${API}/issue`, query: {} },
              sentBody: {
                fields: {
                  project: { key: 'ACME' },
                  issuetype: { name: 'Task' },
                  summary: 'Renew the certificate',
                  description: DESCRIPTION,
                  labels: ['ops']
                }
              }
            }
          },
          {
            action: 'get_issue',
            input: { issue: 'ACME-42', fields: 'summary' },
            // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
            answer: { echo: { method: 'GET', path: `${API}/issue/ACME-42`, query: { fields: 'summary' } } }
          }
        ])
    })
  }
)
