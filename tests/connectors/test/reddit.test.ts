import t from 'tap'
import { reddit } from '@latchkey/connector-reddit'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'

// https://github.com/reddit-archive/reddit/wiki/OAuth2
// https://github.com/reddit-archive/reddit/blob/master/r2/r2/controllers/oauth2.py
// `duration=permanent` for a refresh token, space-separated scopes, no PKCE; the token
// endpoint takes the client in HTTP Basic only; refresh answers carry no new refresh token.
// Revocation is RFC 7009 at /api/v1/revoke_token with Basic client authentication
// (the runtime revokes the refresh token, then the access token).
const SUBREDDITS = Array.from({ length: 230 }, (_, i) => ({ kind: 't5', data: { display_name: `sub${i}` } }))
const cursorAt = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')

t.test('Reddit: duration=permanent, Basic client auth, reusable refresh token, RFC 7009 revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: reddit,
    actions: ['list_my_subreddits'],
    provider: { clientAuth: 'client_secret_basic', refreshReturnsRefreshToken: false, tokenType: 'bearer' },
    authorize: { scope: 'mysubreddits identity', pkce: false, params: { duration: 'permanent' } },
    // https://www.reddit.com/dev/api#GET_api_v1_me
    verification: {
      path: '/api/api/v1/me',
      answer: { name: 'spez', id: '1w72', created_utc: 1118030400 },
      account: { user: 'spez', id: '1w72' }
    },
    call: { url: '/r/redditdev/hot?limit=5', providerPath: '/api/r/redditdev/hot', auth: 'bearer' },
    refresh: 'reusable',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'refresh' },
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'access' }
    ],
    whileConnected: (t, context) =>
      checkActions(t, context, [
        {
          action: 'list_my_subreddits',
          input: { where: 'subscriber' },
          // A listing: `after` from `data.after` until it is null, `limit` at most 100.
          serves: {
            path: '/api/subreddits/mine/subscriber',
            collection: {
              items: SUBREDDITS,
              style: 'cursor',
              param: 'after',
              cursorPath: 'data.after',
              itemsPath: 'data.children',
              limitParam: 'limit'
            }
          },
          pages: 10,
          requests: [
            { path: '/api/subreddits/mine/subscriber', query: { limit: '100' } },
            { path: '/api/subreddits/mine/subscriber', query: { limit: '100', after: cursorAt(100) } },
            { path: '/api/subreddits/mine/subscriber', query: { limit: '100', after: cursorAt(200) } }
          ],
          answer: { output: SUBREDDITS, pages: 3, more: false }
        }
      ])
  })
})
