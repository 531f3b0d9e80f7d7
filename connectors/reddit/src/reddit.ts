import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Required on every request: "Change your client's User-Agent string to something unique and
 * descriptive … `<platform>:<app ID>:<version string> (by /u/<reddit username>)`"; "Many default
 * User-Agents … are drastically limited". The connector cannot know the tenant's app or Reddit
 * user, so it names itself truthfully, without a contact user.
 * @see https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki
 */
const userAgent = { 'User-Agent': 'web:latchkey-connector-reddit:v1.0.0' }

/**
 * Reddit: the Data API on behalf of a Reddit user, through OAuth 2.0 for a "web app"
 * (confidential client).
 *
 * - Authorize at `https://www.reddit.com/api/v1/authorize` with `duration=permanent`: a
 *   permanent grant is the one whose code exchange includes a `refresh_token` ("If an
 *   authorization code for a permanent grant was given, a refresh_token will be included");
 *   the default `temporary` gives none.
 * - `POST https://www.reddit.com/api/v1/access_token` "must contain a HTTP Authorization: header
 *   which contains the application's client identifier as the username and client secret as the
 *   password" (Basic). Refresh answers carry no new refresh token: the refresh token is reused.
 *   Access tokens live an hour (`expires_in`).
 * - Scopes: the wiki documents `scope` as space-separated; the server splits on commas and spaces.
 * - Revocation: `POST https://www.reddit.com/api/v1/revoke_token` as RFC 7009 (`token`, optional
 *   `token_type_hint`), Basic client authentication, 204 on success.
 * - No PKCE is documented; none is sent.
 * - Rate limits: `X-Ratelimit-Reset` is the "Approximate number of seconds to end of period".
 *
 * @see https://github.com/reddit-archive/reddit/wiki/OAuth2
 * @see https://github.com/reddit-archive/reddit/blob/master/r2/r2/controllers/oauth2.py
 * @see https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki
 * @see https://www.reddit.com/dev/api/oauth
 */
export const reddit = defineConnector({
  key: 'reddit',
  name: 'Reddit',
  version: '1.0.0',
  description: "A Reddit user's identity, subreddits, posts and messages through the Data API.",
  docsUrl: 'https://github.com/reddit-archive/reddit/wiki/OAuth2',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://www.reddit.com/api/v1/authorize',
    tokenUrl: 'https://www.reddit.com/api/v1/access_token',
    revokeUrl: 'https://www.reddit.com/api/v1/revoke_token',
    /**
     * Reddit's scope table (`OAuth2Scope.scope_info`, also served at
     * `https://www.reddit.com/api/v1/scopes`), its descriptions.
     * @see https://github.com/reddit-archive/reddit/blob/master/r2/r2/models/token.py
     */
    scopes: {
      identity: 'Access my reddit username and signup date.',
      read: 'Access posts and comments through my account.',
      mysubreddits: 'Access the list of subreddits I moderate, contribute to, and subscribe to.',
      history: "Access my voting history and comments or submissions I've saved or hidden.",
      submit: 'Submit links and comments from my account.',
      edit: 'Edit and delete my comments and submissions.',
      vote: 'Submit and change my votes on comments and submissions.',
      save: 'Save and unsave comments and submissions.',
      subscribe: 'Manage my subreddit subscriptions. Manage "friends" - users whose content I follow.',
      privatemessages: 'Access my inbox and send private messages to other users.',
      report: 'Report content for rules violations. Hide & show individual submissions.',
      flair: 'Select my subreddit flair. Change link flair on my submissions.',
      account: 'Update preferences and related account information. Will not have access to your email or password.',
      wikiread: 'Read wiki pages through my account',
      wikiedit: 'Edit wiki pages on my behalf',
      modposts: 'Approve, remove, mark nsfw, and distinguish content in subreddits I moderate.',
      modflair: 'Manage and assign flair in subreddits I moderate.',
      modconfig: 'Manage the configuration, sidebar, and CSS of subreddits I moderate.',
      modlog: 'Access the moderation log in subreddits I moderate.',
      modwiki: 'Change editors and visibility of wiki pages in subreddits I moderate.'
    },
    defaultScopes: ['identity', 'read'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    // `duration=permanent` is what earns a refresh token; Reddit has no offline scope.
    offlineAccess: { authorizeParams: { duration: 'permanent' } },
    pkce: false,
    clientAuthMethod: 'client_secret_basic',
    tokenHeaders: userAgent,
    refreshHeaders: userAgent
  },
  http: {
    // "OAuth2 … requests should be made to https://oauth.reddit.com".
    baseUrl: 'https://oauth.reddit.com',
    headers: userAgent,
    // Limited answers are 429s; the wait is read from `x-ratelimit-reset` (seconds from now).
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'delay_seconds' }
  },
  // GET /api/v1/me (scope `identity`): the user's `name`.
  verification: { path: '/api/v1/me', identity: { user: 'name', id: 'id' }, scopes: ['identity'] },
  actions: [
    {
      key: 'list_my_subreddits',
      name: 'List my subreddits',
      description: 'The subreddits the user subscribes to (or contributes to, or moderates).',
      method: 'GET',
      // A listing: `after` is the previous page's `data.after` (null on the last), `limit` at most 100.
      // https://www.reddit.com/dev/api#GET_subreddits_mine_{where}
      path: '/subreddits/mine/{{input.where}}',
      input: {
        type: 'object',
        properties: { where: { enum: ['subscriber', 'contributor', 'moderator'] } },
        required: ['where'],
        additionalProperties: false
      },
      output: 'data.children',
      scopes: ['mysubreddits'],
      pagination: { style: 'cursor', param: 'after', cursorPath: 'data.after', limitParam: 'limit', limit: 100 }
    }
  ]
})
