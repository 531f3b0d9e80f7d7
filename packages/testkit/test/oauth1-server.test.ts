import { createHmac, generateKeyPairSync, createSign, randomBytes } from 'node:crypto'
import t from 'tap'
import { percentEncode, signatureBaseString, startOAuth1Server } from '../src/index.js'

// RFC 5849 §3.4.1.1: the example request and the base string the RFC prints for it.
t.test('the signature base string is the one RFC 5849 prints', async (t) => {
  const url = new URL('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b')
  const params: [string, string][] = [
    ...url.searchParams,
    ...new URLSearchParams('c2&a3=2+q'),
    ['oauth_consumer_key', '9djdj82h48djs9d2'],
    ['oauth_token', 'kkk9d7dh3k39sjv7'],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', '137131201'],
    ['oauth_nonce', '7d8f3e4a'],
    ['oauth_signature', 'djosJKDKJSD8743243/jdk33klY=']
  ]
  t.equal(
    signatureBaseString('POST', url, params),
    'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7'
  )
  t.equal(percentEncode("a b!*'()~"), 'a%20b%21%2A%27%28%29~', 'RFC 5849 §3.6 encoding')
})

/** A client signed by hand with node:crypto: what the server must accept. */
function header(fields: Record<string, string>): string {
  return `OAuth ${Object.entries(fields)
    .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
    .join(', ')}`
}

function sign(
  method: string,
  url: string,
  consumer: { key: string; secret: string },
  token: { token: string; secret: string } | undefined,
  extra: Record<string, string> = {},
  how: {
    method?: 'HMAC-SHA1' | 'HMAC-SHA256' | 'RSA-SHA1' | 'PLAINTEXT'
    privateKey?: string
    nonce?: string
    timestamp?: number
    form?: string
  } = {}
): string {
  const signatureMethod = how.method ?? 'HMAC-SHA1'
  const oauth: Record<string, string> = {
    oauth_consumer_key: consumer.key,
    oauth_nonce: how.nonce ?? randomBytes(8).toString('hex'),
    oauth_signature_method: signatureMethod,
    oauth_timestamp: String(how.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
    ...(token === undefined ? {} : { oauth_token: token.token }),
    ...extra
  }
  const target = new URL(url)
  const base = signatureBaseString(method, target, [
    ...target.searchParams,
    ...(how.form === undefined ? [] : [...new URLSearchParams(how.form)]),
    ...Object.entries(oauth)
  ])
  const key = `${percentEncode(consumer.secret)}&${percentEncode(token?.secret ?? '')}`
  oauth.oauth_signature =
    signatureMethod === 'PLAINTEXT'
      ? key
      : signatureMethod === 'RSA-SHA1'
        ? createSign('RSA-SHA1')
            .update(base)
            .sign(how.privateKey ?? '', 'base64')
        : createHmac(signatureMethod === 'HMAC-SHA1' ? 'sha1' : 'sha256', key)
            .update(base)
            .digest('base64')
  return header(oauth)
}

t.test('the three legs, signed API calls, and every refusal', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const consumer = { key: 'ck', secret: 'cs & more' }
  const server = await startOAuth1Server({
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    rsaPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  })
  t.teardown(() => server.close())
  server.modes.accessTokenExtras = { user_id: '42', screen_name: 'acme' }
  const post = (url: string, authorization: string, body?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' })
      },
      body
    })

  const callback = 'https://app.example/oauth/callback/?state=abc'
  const requestUrl = `${server.endpoints.requestToken}?x_auth_access_type=read`
  const first = await post(requestUrl, sign('POST', requestUrl, consumer, undefined, { oauth_callback: callback }))
  t.equal(first.status, 200)
  const temporary = new URLSearchParams(await first.text())
  t.equal(temporary.get('oauth_callback_confirmed'), 'true')
  t.same(server.counters.lastRequestTokenParams, { x_auth_access_type: 'read' })
  const requestToken = { token: temporary.get('oauth_token') ?? '', secret: temporary.get('oauth_token_secret') ?? '' }

  const approve = await fetch(`${server.endpoints.authorize}?oauth_token=${requestToken.token}&name=Latchkey`, {
    redirect: 'manual'
  })
  t.equal(approve.status, 302)
  const back = new URL(approve.headers.get('location') ?? '')
  t.equal(back.searchParams.get('state'), 'abc', "the callback's own query is kept")
  t.equal(back.searchParams.get('oauth_token'), requestToken.token)
  t.same(server.counters.lastAuthorizeParams, { oauth_token: requestToken.token, name: 'Latchkey' })
  const verifier = back.searchParams.get('oauth_verifier') ?? ''

  const wrong = await post(
    server.endpoints.accessToken,
    sign('POST', server.endpoints.accessToken, consumer, requestToken, { oauth_verifier: 'nope' })
  )
  t.equal(wrong.status, 401)
  t.equal(new URLSearchParams(await wrong.text()).get('oauth_problem'), 'verifier_invalid')
  const exchanged = await post(
    server.endpoints.accessToken,
    sign('POST', server.endpoints.accessToken, consumer, requestToken, { oauth_verifier: verifier })
  )
  t.equal(exchanged.status, 200)
  const answer = new URLSearchParams(await exchanged.text())
  t.equal(answer.get('screen_name'), 'acme', 'the extras are in the answer')
  const access = { token: answer.get('oauth_token') ?? '', secret: answer.get('oauth_token_secret') ?? '' }
  const again = await post(
    server.endpoints.accessToken,
    sign('POST', server.endpoints.accessToken, consumer, requestToken, { oauth_verifier: verifier })
  )
  t.equal(again.status, 401, 'a request token is exchanged once')

  const rsaConsumer = { key: consumer.key, secret: consumer.secret }
  for (const method of ['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT', 'RSA-SHA1'] as const) {
    const url = `${server.endpoints.api}/echo?q=a%20b&q=c`
    const response = await post(
      url,
      sign(
        'POST',
        url,
        rsaConsumer,
        access,
        {},
        {
          method,
          form: 'title=Hello%20world&n=1',
          privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
        }
      ),
      'title=Hello%20world&n=1'
    )
    t.equal(response.status, 200, `${method} is checked and accepted`)
    t.match(await response.json(), { method: 'POST', form: { title: 'Hello world', n: '1' }, signatureMethod: method })
  }

  const url = `${server.endpoints.api}/echo?q=1`
  const tampered = await post(url, sign('POST', url, consumer, access, {}, { form: 'n=1' }), 'n=2')
  t.equal(tampered.status, 401, 'a form field changed after signing')
  t.match(await tampered.json(), { errors: [{ message: 'signature_invalid' }] })
  t.match(tampered.headers.get('www-authenticate'), /^OAuth realm=/)
  const fixed = { nonce: 'same', timestamp: Math.floor(Date.now() / 1000) }
  t.equal((await post(url, sign('POST', url, consumer, access, {}, fixed))).status, 200)
  t.equal((await post(url, sign('POST', url, consumer, access, {}, fixed))).status, 401, 'a nonce is used once')
  const stale = sign('POST', url, consumer, access, {}, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
  t.equal((await post(url, stale)).status, 401, 'a stale timestamp')
  server.modes.signatureMethods = ['RSA-SHA1']
  t.equal((await post(url, sign('POST', url, consumer, access))).status, 401, 'a method the provider does not take')
  server.modes.signatureMethods = ['HMAC-SHA1']

  const me = await fetch(`${server.endpoints.api}/me`, {
    headers: { authorization: sign('GET', `${server.endpoints.api}/me`, consumer, access) }
  })
  t.match(await me.json(), { data: { username: 'acme_dev' } })
  server.modes.invalidateFailNext = 1
  t.equal(
    (await post(server.endpoints.invalidateToken, sign('POST', server.endpoints.invalidateToken, consumer, access)))
      .status,
    503
  )
  t.equal(
    (await post(server.endpoints.invalidateToken, sign('POST', server.endpoints.invalidateToken, consumer, access)))
      .status,
    200
  )
  t.same(server.liveAccessTokens(), [])
  const after = await fetch(`${server.endpoints.api}/me`, {
    headers: { authorization: sign('GET', `${server.endpoints.api}/me`, consumer, access) }
  })
  t.equal(after.status, 401, 'an invalidated token is refused')
  t.ok(server.counters.rejected.includes('token_rejected'))

  server.modes.deny = true
  const declinedUrl = server.endpoints.requestToken
  const second = new URLSearchParams(
    await (await post(declinedUrl, sign('POST', declinedUrl, consumer, undefined, { oauth_callback: callback }))).text()
  )
  const denied = await fetch(`${server.endpoints.authorize}?oauth_token=${second.get('oauth_token')}`, {
    redirect: 'manual'
  })
  const deniedBack = new URL(denied.headers.get('location') ?? '')
  t.equal(deniedBack.searchParams.get('denied'), second.get('oauth_token'), 'declined: denied=<token>')
  t.equal(deniedBack.searchParams.get('oauth_verifier'), null, 'and no verifier')
})
