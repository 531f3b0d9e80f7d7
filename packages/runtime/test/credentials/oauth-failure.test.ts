import t from 'tap'
import { OAuthError } from '@latchkey/oauth-client'
import type { OAuthErrorCode } from '@latchkey/oauth-client'
import { runtimeErrorFromOAuth } from '../../src/index.js'

t.test('provider failures map to refused, unreachable or slow, keeping the OAuth facts', async (t) => {
  const cases: [OAuthErrorCode, number | undefined, string, boolean][] = [
    ['timeout', undefined, 'provider_timeout', true],
    ['token_endpoint_unreachable', undefined, 'provider_unreachable', true],
    ['server_error', 500, 'provider_unreachable', true],
    ['temporarily_unavailable', 503, 'provider_unreachable', true],
    ['response_too_large', undefined, 'provider_unreachable', false],
    ['invalid_grant', 400, 'provider_refused', false],
    ['invalid_response', 200, 'provider_refused', false]
  ]
  for (const [code, status, expected, retryable] of cases) {
    const oauth = new OAuthError(code, { endpoint: 'refresh', status })
    const error = runtimeErrorFromOAuth(oauth)
    t.match(error, { code: expected, message: oauth.hint, retryable }, code)
    t.same(error.details, { oauthError: code, hint: oauth.hint, retryable })
  }
  const described = runtimeErrorFromOAuth(
    new OAuthError('invalid_grant', { endpoint: 'refresh', status: 400, description: 'the token was revoked' })
  )
  t.match(described.details, { description: 'the token was revoked' })
})
