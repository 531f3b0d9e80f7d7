import t from 'tap'
import { resolveAuthSchemes, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { trello } from '../src/index.js'

t.test('the Trello definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, trello)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(trello))).issues, [])
  t.match(resolveAuthSchemes(trello), [{ kind: 'oauth1', signatureMethod: 'HMAC-SHA1' }])
})

t.test('the three legs of Trello OAuth 1.0a, the authorize options, no revocation', async (t) => {
  const auth = trello.auth
  t.equal(auth.kind, 'oauth1')
  if (auth.kind !== 'oauth1') return
  t.equal(auth.requestTokenUrl, 'https://trello.com/1/OAuthGetRequestToken')
  t.equal(auth.authorizeUrl, 'https://trello.com/1/OAuthAuthorizeToken')
  t.equal(auth.accessTokenUrl, 'https://trello.com/1/OAuthGetAccessToken')
  // The authorize route's options: comma-separated scopes, a token that never expires.
  t.same(auth.authorizeParams, { scope: 'read,write', expiration: 'never' })
  t.notOk('revokeUrl' in auth, 'no signed-POST revocation documented')
})

t.test('the API and the verification', async (t) => {
  t.equal(resolveEndpoints(trello, { parameters: {}, config: {}, metadata: {} }).baseUrl, 'https://api.trello.com/1')
  t.same(trello.verification, { path: '/members/me', identity: { id: 'id', username: 'username' } })
})
