import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { CookieJar, freePort, startStack } from '@latchkey/testkit'

const START = fileURLToPath(new URL('../../../infra/local/start.mjs', import.meta.url))

/** Follows redirects by hand with a cookie jar, like a browser, until the URL leaves `stopAt`'s origin or a page answers. */
async function browse(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  let next = url
  let request = init
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(next, {
      ...request,
      redirect: 'manual',
      headers: { ...(request.headers as Record<string, string>), cookie: jar.header(next) }
    })
    jar.store(next, response)
    const location = response.headers.get('location')
    if (location === null) return response
    await response.body?.cancel()
    next = new URL(location, next)
    request = {}
  }
  throw new Error('too many redirects')
}

t.test('the README walk-through: npm start, create, authorize, approve, connected', async (t) => {
  const stack = await startStack(t)
  const port = await freePort()
  const child = spawn(process.execPath, [START], {
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      PORT: String(port),
      LATCHKEY_DATA_DIR: t.testdir(),
      LOG_LEVEL: 'warn'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(
    () =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve()
          : (child.once('exit', () => resolve()), child.kill('SIGTERM'))
      )
  )
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const ready = await new Promise<{ url: string; apiKey: string; consoleUrl: string; wizardUrl: string }>(
    (resolve, reject) => {
      let buffer = ''
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        const line = buffer.split('\n').find((l) => l.startsWith('{"ready":true'))
        if (line !== undefined) resolve(JSON.parse(line))
      })
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)))
    }
  )
  t.equal(ready.url, `http://127.0.0.1:${port}`)
  // Both pages are reachable from what npm start prints.
  t.equal(ready.consoleUrl, `${ready.url}/console/`)
  t.equal((await fetch(ready.consoleUrl)).status, 200)
  t.match(ready.wizardUrl, new RegExp(`^${ready.url}/connect/\\?s=[0-9a-f-]{36}#session=lkcs_`))
  const sessionToken = new URL(ready.wizardUrl).hash.replace('#session=', '')
  const wizard = (await (
    await fetch(`${ready.url}/v1/connect/session`, { headers: { authorization: `Bearer ${sessionToken}` } })
  ).json()) as { externalId: string; connectors: { key: string }[] }
  t.equal(wizard.externalId, 'customer-1')
  t.ok(
    wizard.connectors.some((c) => c.key === 'sandbox'),
    'the printed wizard link offers the sandbox'
  )
  t.match(output, /WARNING: using a development encryption key/)
  const headers = { authorization: `Bearer ${ready.apiKey}`, 'content-type': 'application/json' }

  const created = (await (
    await fetch(`${ready.url}/v1/connections`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ connector: 'sandbox' })
    })
  ).json()) as { id: string }
  t.match(created, { connector: 'sandbox', status: 'configured' })
  const { authorizeUrl } = (await (
    await fetch(`${ready.url}/v1/connections/${created.id}/authorize`, { method: 'POST', headers })
  ).json()) as { authorizeUrl: string }

  const jar = new CookieJar()
  const consent = await browse(jar, new URL(authorizeUrl))
  const html = await consent.text()
  t.match(html, /Sign in to the test provider/)
  const form = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? ''
  const done = await browse(jar, new URL(form, consent.url || authorizeUrl), {
    method: 'POST',
    body: new URLSearchParams({ user: 'newcomer', action: 'approve' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  })
  t.match(await done.text(), /Authorization completed successfully/)

  const connection = await (await fetch(`${ready.url}/v1/connections/${created.id}`, { headers })).json()
  t.match(connection, { status: 'connected', scopes: { granted: ['read'] } })
  const token = (await (await fetch(`${ready.url}/v1/connections/${created.id}/token`, { headers })).json()) as {
    accessToken: unknown
  }
  t.type(token.accessToken, 'string')
})
