import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { resolveScheme } from '@latchkey/connector-sdk'
import type { AuthSchemeDefinition, ResolvedOAuth2 } from '@latchkey/connector-sdk'
import { startAuthorizationServer, testMcpConnector } from '@latchkey/testkit'
import type { AuthorizationServerOptions } from '@latchkey/testkit'
import { fromServerMetadata } from '../../src/connections/connection-context.js'
import { DiscoveryCache } from '../../src/credentials/discovery-cache.js'
import { RuntimeError } from '../../src/errors.js'

/** The test MCP connector's scheme, resolved: the server's metadata gives every URL. */
const scheme = resolveScheme(testMcpConnector().auth as AuthSchemeDefinition) as ResolvedOAuth2

/** A stand-in for third-party servers: answers each path as the test says; its origin. */
async function thirdParty(t: Test, answer: (req: IncomingMessage, res: ServerResponse, origin: string) => void) {
  let origin = ''
  const server = createServer((req, res) => answer(req, res, origin))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  )
  return origin
}

/** Loopback issuers that are not usable: `/gone` has no metadata, `/other` names another issuer; `/busy` fails. */
async function unusableIssuers(t: Test): Promise<{ gone: string; other: string; busy: string }> {
  const origin = await thirdParty(t, (req, res) => {
    if (req.url?.endsWith('/busy') === true) res.writeHead(503).end()
    else if (req.url === '/.well-known/oauth-authorization-server/other')
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: 'https://else.example.com', token_endpoint: 'https://else.example.com/t' }))
    else res.writeHead(404).end()
  })
  return { gone: `${origin}/gone`, other: `${origin}/other`, busy: `${origin}/busy` }
}

async function factsOf(t: Test, options: Partial<AuthorizationServerOptions>) {
  const server = await startAuthorizationServer({
    clients: [],
    registration: true,
    protectedResource: true,
    ...options
  })
  t.teardown(() => server.close())
  const facts = await fromServerMetadata(
    scheme,
    { parameters: { serverUrl: server.resourceUrl ?? '' }, config: {} },
    new DiscoveryCache({})
  )
  return { server, facts }
}

t.test('the scopes a resource asks for: those its 401 challenge names, else those it lists', async (t) => {
  const challenged = await factsOf(t, { challengeScopes: ['read'] })
  t.same(challenged.facts.resourceScopes, ['read'], 'the challenge names fewer than the metadata lists: they win')
  const listed = await factsOf(t, {})
  t.same(listed.facts.resourceScopes, ['read', 'write'], 'no scope in the challenge: scopes_supported')
})

t.test('authorization servers whose metadata cannot be used are passed over, in the order listed', async (t) => {
  const { gone, other } = await unusableIssuers(t)
  const { server, facts } = await factsOf(t, { listedBefore: [gone, other] })
  t.equal(facts.issuer, server.issuer, 'the first usable one')
  t.equal(facts.endpoints.tokenUrl, `${server.issuer}/oauth/token`, "its endpoints, not another's")
  t.equal(facts.registrationUrl, `${server.issuer}/reg`)
  t.equal(facts.resource, server.resourceUrl)
})

t.test('an unreachable or failing server stops the search; none usable names every server', async (t) => {
  // A port nothing listens on: taken and released.
  const free = createServer()
  await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve))
  const unreachable = `http://127.0.0.1:${(free.address() as AddressInfo).port}`
  await new Promise<void>((resolve) => free.close(() => resolve()))

  const failure = await factsOf(t, { listedBefore: [unreachable] }).catch((error: unknown) => error)
  t.ok(failure instanceof RuntimeError, 'a runtime error')
  t.match(
    failure,
    { code: 'provider_unreachable', retryable: true },
    'not passed over: tried again later, not elsewhere'
  )

  const { gone, other, busy } = await unusableIssuers(t)
  const failing = await factsOf(t, { listedBefore: [busy] }).catch((error: unknown) => error)
  t.match(
    failing,
    { code: 'provider_unreachable', retryable: true },
    'a failing server (503) is not passed over either'
  )
  const resource = await thirdParty(t, (req, res, origin) => {
    if (req.url === '/.well-known/oauth-protected-resource/mcp')
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ resource: `${origin}/mcp`, authorization_servers: [gone, other] }))
    else res.writeHead(401, { 'www-authenticate': 'Bearer' }).end()
  })
  const none = await fromServerMetadata(
    scheme,
    { parameters: { serverUrl: `${resource}/mcp` }, config: {} },
    new DiscoveryCache({})
  ).catch((error: unknown) => error)
  t.match(none, { code: 'provider_incompatible', retryable: false })
  t.match(
    (none as Error).message,
    new RegExp(
      `none of the authorization servers .* lists can be used: ${gone}: no usable metadata; ${other}: its metadata names another issuer`
    )
  )
})
