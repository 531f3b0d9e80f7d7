import t from 'tap'
import { discord } from '@latchkey/connector-discord'
import { runRedirectScenario } from './scenario.js'

// https://discord.com/developers/docs/topics/oauth2
// The client in HTTP Basic (Discord's examples; the body works too); form bodies only at the
// token and revocation URLs; access tokens last 604800 s; a refresh answers a fresh access
// token response, refresh token included. Revocation is RFC 7009 in a form, and revoking
// one token revokes the whole authorization.
t.test('Discord: Basic client auth, PKCE, refresh tokens in refresh answers, RFC 7009 revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: discord,
    provider: {
      clientAuth: 'client_secret_basic',
      accessTokenTtlSeconds: 604800,
      rotateRefreshTokens: true,
      revokeFormat: 'form'
    },
    authorize: { scope: 'identify', pkce: true },
    // https://discord.com/developers/docs/resources/user#get-current-user (the user object)
    verification: {
      path: '/api/users/@me',
      answer: {
        id: '80351110224678912',
        username: 'nelly',
        discriminator: '0',
        global_name: 'Nelly',
        avatar: '8342729096ea3675442027381ff50dfe',
        verified: true,
        flags: 64,
        public_flags: 64
      },
      account: { user: 'nelly', id: '80351110224678912' }
    },
    call: { url: '/users/@me/guilds', providerPath: '/api/users/@me/guilds', auth: 'bearer' },
    refresh: 'rotating',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'refresh' },
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'access' }
    ]
  })
})
