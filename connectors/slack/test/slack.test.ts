import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
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
