import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthSchemes,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import { slack } from '../src/index.js'

t.test('the Slack definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(slack))).issues, [])
  t.equal(slack.key, 'slack')
})

t.test("two schemes: the bot token, or the person's token asked for as user_scope", async (t) => {
  const [bot, user] = resolveAuthSchemes(slack)
  t.match(bot, { key: 'bot', kind: 'oauth2', scopeParam: 'scope', accessTokenPath: undefined })
  t.match(user, { key: 'user', kind: 'oauth2', scopeParam: 'user_scope', accessTokenPath: 'authed_user.access_token' })
})

t.test('the actions: scopes each scheme declares, cursor paging by response_metadata.next_cursor', async (t) => {
  const [bot] = resolveAuthSchemes(slack)
  const declared = Object.keys(bot?.kind === 'oauth2' ? (bot.scopes ?? {}) : {})
  for (const action of slack.actions ?? []) {
    t.ok(
      (action.scopes ?? []).every((scope) => declared.includes(scope)),
      `${action.key}: its scopes are bot scopes`
    )
    if (action.pagination !== undefined)
      t.match(action.pagination, { style: 'cursor', param: 'cursor', cursorPath: 'response_metadata.next_cursor' })
  }
  t.same(scopesForActions(slack, ['list_channels', 'channel_history']).scopes, ['channels:read', 'channels:history'])
})

t.test('post_message sends a JSON body, leaving out a thread it was not given', async (t) => {
  const action = findAction(slack, 'post_message')
  if (action === undefined) throw new Error('no post_message')
  t.match(renderActionRequest(action, { input: { channel: 'C1', text: 'Hi' } }), {
    method: 'POST',
    path: '/chat.postMessage',
    body: { channel: 'C1', text: 'Hi' },
    bodyFormat: 'json'
  })
  t.same(renderActionRequest(action, { input: { channel: 'C1', text: 'Hi' } }).body, { channel: 'C1', text: 'Hi' })
})
