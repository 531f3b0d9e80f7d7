import { generateKeyPairSync } from 'node:crypto'
import t from 'tap'
import { startOAuth1Server } from '@latchkey/testkit'
import {
  OAuthError,
  fetchAccessToken,
  fetchRequestToken,
  invalidateOAuth1Token,
  oauth1AuthorizeUrl,
  signOAuth1
} from '../src/index.js'
import type { OAuth1Consumer, OAuth1Token } from '../src/index.js'

async function approve(authorizeUrl: string): Promise<URL> {
  const answer = await fetch(authorizeUrl, { redirect: 'manual' })
  return new URL(answer.headers.get('location') ?? '')
}

t.test('three legs and signed calls, checked by an independent RFC 5849 server', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const server = await startOAuth1Server({
    consumerKey: 'consumer-key',
    consumerSecret: 'consumer secret/+',
    rsaPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  })
  t.teardown(() => server.close())
  server.modes.accessTokenExtras = { user_id: '42', screen_name: 'acme' }
  const consumer: OAuth1Consumer = { key: 'consumer-key', secret: 'consumer secret/+', signatureMethod: 'HMAC-SHA1' }

  const requestToken = await fetchRequestToken(server.endpoints.requestToken, consumer, {
    callbackUrl: 'https://latchkey.example/oauth/callback/?state=s1',
    params: { x_auth_access_type: 'read', scope: 'read write' }
  })
  t.same(
    server.counters.lastRequestTokenParams,
    { x_auth_access_type: 'read', scope: 'read write' },
    'extra params are sent and signed, spaces included'
  )
  const authorizeUrl = oauth1AuthorizeUrl(server.endpoints.authorize, requestToken.token, { name: 'Latchkey' })
  const back = await approve(authorizeUrl)
  t.equal(back.searchParams.get('state'), 's1')
  t.same(server.counters.lastAuthorizeParams, { name: 'Latchkey', oauth_token: requestToken.token })

  const refused = await fetchAccessToken(server.endpoints.accessToken, consumer, requestToken, 'wrong').catch(
    (e: unknown) => e
  )
  t.ok(refused instanceof OAuthError)
  t.match(refused, { code: 'invalid_grant', providerError: 'verifier_invalid', endpoint: 'accessToken' })
  t.match((refused as OAuthError).hint, /request token or its verifier/)

  const access = await fetchAccessToken(
    server.endpoints.accessToken,
    consumer,
    requestToken,
    back.searchParams.get('oauth_verifier') ?? ''
  )
  t.same(access.extra, { user_id: '42', screen_name: 'acme' }, 'the answer fields besides the token')

  const call = async (c: OAuth1Consumer, token: OAuth1Token, url: string, form?: Record<string, string | string[]>) => {
    const body =
      form === undefined
        ? undefined
        : new URLSearchParams(
            Object.entries(form).flatMap(([k, v]): [string, string][] =>
              (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])
            )
          ).toString()
    return fetch(url, {
      method: form === undefined ? 'GET' : 'POST',
      headers: {
        authorization: signOAuth1({ method: form === undefined ? 'GET' : 'POST', url, form }, c, token),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' })
      },
      body
    })
  }
  const plus = await call(consumer, access, `${server.endpoints.api}/echo?q=a+b&scope=read+write`)
  t.equal(
    plus.status,
    200,
    'a query written with + for spaces (as URLSearchParams writes it) is signed as the server reads it'
  )
  t.match(await plus.json(), { query: { q: 'a b', scope: 'read write' } })
  const echo = `${server.endpoints.api}/echo?q=a%20b&q=c&sort=desc`
  const hmac = await call(consumer, access, echo, { title: 'Hello world & more', tag: ['x', 'y'] })
  t.equal(hmac.status, 200, 'HMAC-SHA1 with a repeated query param and a form body')
  t.match(await hmac.json(), { signatureMethod: 'HMAC-SHA1', form: { title: 'Hello world & more' } })
  for (const signatureMethod of ['HMAC-SHA256', 'PLAINTEXT'] as const) {
    const response = await call({ ...consumer, signatureMethod }, access, echo)
    t.equal(response.status, 200, `${signatureMethod} is accepted`)
  }
  const rsa: OAuth1Consumer = {
    key: 'consumer-key',
    secret: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    signatureMethod: 'RSA-SHA1'
  }
  const signed = await call(rsa, access, echo)
  t.equal(signed.status, 200, 'RSA-SHA1 with the private key')
  t.match(await signed.json(), { signatureMethod: 'RSA-SHA1' })
  const wrongSecret = await call({ ...consumer, secret: 'other' }, access, echo)
  t.equal(wrongSecret.status, 401, 'a wrong consumer secret is refused by the server')

  t.equal(await invalidateOAuth1Token(server.endpoints.invalidateToken, consumer, access), 'revoked')
  t.equal(
    await invalidateOAuth1Token(server.endpoints.invalidateToken, consumer, access),
    'already_invalid',
    'an invalid token counts as invalidated'
  )
  server.modes.invalidateFailNext = 1
  const unavailable = await invalidateOAuth1Token(server.endpoints.invalidateToken, consumer, access).catch(
    (e: unknown) => e
  )
  t.match(unavailable, { code: 'temporarily_unavailable', retryable: true })
})

t.test('request-token refusals say what to fix', async (t) => {
  const server = await startOAuth1Server({ consumerKey: 'ck', consumerSecret: 'cs' })
  t.teardown(() => server.close())
  const callback = { callbackUrl: 'https://latchkey.example/oauth/callback/?state=s' }
  const unknown = await fetchRequestToken(
    server.endpoints.requestToken,
    { key: 'other', secret: 'cs', signatureMethod: 'HMAC-SHA1' },
    callback
  ).catch((e: unknown) => e)
  t.match(unknown, { code: 'invalid_client', providerError: 'consumer_key_unknown', endpoint: 'requestToken' })
  t.match((unknown as OAuthError).hint, /client credentials/)
  server.modes.omitCallbackConfirmed = true
  const old = await fetchRequestToken(
    server.endpoints.requestToken,
    { key: 'ck', secret: 'cs', signatureMethod: 'HMAC-SHA1' },
    callback
  ).catch((e: unknown) => e)
  t.match(old, { code: 'invalid_response' })
  t.match((old as OAuthError).hint, /callback was not confirmed/)
  const missing = await fetchRequestToken(
    `${server.url}/nowhere`,
    { key: 'ck', secret: 'cs', signatureMethod: 'HMAC-SHA1' },
    callback
  ).catch((e: unknown) => e)
  t.match(missing, { code: 'token_endpoint_not_found' })
  t.match((missing as OAuthError).hint, /request-token URL answered 404/)
})
