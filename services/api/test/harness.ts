import fastify from 'fastify'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Redis } from 'ioredis'
import type { Test } from 'tap'
import type { ConnectorDefinitionJson, OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import type { JobQueues } from '@latchkey/jobs'
import { createRuntime } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import type { Store } from '@latchkey/store'
import { startStack, testConnector } from '@latchkey/testkit'
import type { AuthorizationServer, Stack } from '@latchkey/testkit'
import { CATALOG, latchkeyApp, serverOptions } from '../src/index.js'

export const PUBLIC_URL = 'http://127.0.0.1:4999'
export const REDIRECT_URI = `${PUBLIC_URL}/oauth/callback/`
export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789'

/** Everything one API test needs, all real: PostgreSQL, Redis + BullMQ, the authorization server. */
export interface Harness {
  readonly app: FastifyInstance
  readonly runtime: Runtime
  readonly store: Store
  readonly queues: JobQueues
  readonly redis: Redis
  readonly server: AuthorizationServer
  readonly logs: string[]
  /** Registers a cleanup that runs before the harness's own (see `Stack.defer`). */
  readonly defer: Stack['defer']
  /** Sends a request with a tenant's API key (or none). */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { apiKey?: string; body?: unknown; headers?: Record<string, string> }
  ): Promise<LightMyRequestResponse>
  createTenant(name?: string): Promise<{ id: string; apiKey: string }>
  /** A custom connector pointed at the test authorization server. */
  sandbox(overrides?: Partial<OAuth2AuthorizationCodeAuth>, key?: string): ConnectorDefinitionJson
}

/** The test stack (database, Redis, the authorization server) with a store, queues, a runtime and the app on it. */
export async function startHarness(
  t: Test,
  options: {
    clientSecret?: string
    accessTokenTtlSeconds?: number
    /** Open dynamic client registration (RFC 7591) at the authorization server. */
    registration?: boolean
    /** A protected resource (an MCP server) beside it, on a port of its own. */
    protectedResource?: boolean
    /** The scopes the protected resource's 401 challenge names. */
    challengeScopes?: readonly string[]
  } = {}
): Promise<Harness> {
  const stack = await startStack(t, {
    authorizationServer: {
      clients: [
        {
          clientId: 'sandbox-app',
          clientSecret: options.clientSecret ?? 'sandbox-secret',
          redirectUris: [REDIRECT_URI]
        }
      ],
      scopes: ['read', 'write'],
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      registration: options.registration ?? false,
      protectedResource: options.protectedResource ?? false,
      ...(options.challengeScopes === undefined ? {} : { challengeScopes: options.challengeScopes })
    }
  })
  const { redis, authorizationServer: server } = stack
  const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys: stack.encryptionKeys })
  stack.defer(() => store.close(), 'close the store')
  const queues = createJobQueues({ connection: redis, prefix: stack.prefix })
  stack.defer(async () => {
    await queues.revoke.obliterate({ force: true })
    await queues.close()
  }, 'close the queues')
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: CATALOG,
    config: { publicUrl: PUBLIC_URL, allowPrivateNetwork: true }
  })
  await runtime.start()
  stack.defer(() => runtime.close(), 'close the runtime')
  const logs: string[] = []
  const app = fastify(serverOptions('debug', { write: (line: string) => void logs.push(line) }))
  await app.register(latchkeyApp, { runtime, redis, adminToken: ADMIN_TOKEN })
  await app.ready()
  stack.defer(() => app.close(), 'close the app')
  const call: Harness['call'] = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(opts.apiKey === undefined ? {} : { authorization: `Bearer ${opts.apiKey}` }), ...opts.headers },
      ...(opts.body === undefined ? {} : { payload: opts.body as object })
    })
  return {
    app,
    runtime,
    store,
    queues,
    redis,
    server,
    logs,
    defer: stack.defer,
    call,
    async createTenant(name = 'Acme') {
      const response = await call('POST', '/v1/tenants', {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        body: { name }
      })
      if (response.statusCode !== 201) throw new Error(`tenant: ${response.statusCode} ${response.body}`)
      return response.json()
    },
    sandbox(auth = {}, key = 'sandbox') {
      return testConnector(server, { issuer: server.issuer, ...auth }, key)
    }
  }
}

/** Sets up tenant, connector, app and connection; returns what the journey needs. */
export async function prepareConnection(
  h: Harness,
  options: {
    auth?: Partial<OAuth2AuthorizationCodeAuth>
    clientSecret?: string
    scopes?: string[]
    overrides?: Record<string, string>
  } = {}
) {
  const tenant = await h.createTenant()
  const created = await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: h.sandbox(options.auth) })
  if (created.statusCode !== 201) throw new Error(`connector: ${created.body}`)
  const app = await h.call('PUT', '/v1/connectors/sandbox/app', {
    apiKey: tenant.apiKey,
    body: {
      clientId: 'sandbox-app',
      clientSecret: options.clientSecret ?? 'sandbox-secret',
      ...(options.overrides === undefined ? {} : { overrides: options.overrides })
    }
  })
  if (app.statusCode !== 200) throw new Error(`app: ${app.body}`)
  const connection = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: {
      connector: 'sandbox',
      externalId: 'customer-42',
      ...(options.scopes === undefined ? {} : { scopes: options.scopes })
    }
  })
  if (connection.statusCode !== 201) throw new Error(`connection: ${connection.body}`)
  return { tenant, connectionId: (connection.json() as { id: string }).id }
}

/** Opens the start link like a browser: returns the provider URL and the binding cookie. */
export async function startInBrowser(
  h: Harness,
  apiKey: string,
  connectionId: string
): Promise<{ providerUrl: string; cookie: string }> {
  const authorize = await h.call('POST', `/v1/connections/${connectionId}/authorize`, { apiKey })
  if (authorize.statusCode !== 200) throw new Error(`authorize: ${authorize.body}`)
  const startUrl = new URL((authorize.json() as { authorizeUrl: string }).authorizeUrl)
  const start = await h.call('GET', startUrl.pathname)
  if (start.statusCode !== 302) throw new Error(`start: ${start.statusCode} ${start.body}`)
  const setCookie = [start.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string')
  return { providerUrl: String(start.headers.location), cookie: setCookie.map((c) => c.split(';')[0]).join('; ') }
}

/** Delivers a provider's redirect to the callback, as the browser would. */
export async function deliverCallback(h: Harness, callbackUrl: URL, cookie: string): Promise<LightMyRequestResponse> {
  return h.call('GET', `${callbackUrl.pathname}${callbackUrl.search}`, { headers: cookie === '' ? {} : { cookie } })
}

/**
 * The whole browser step against a provider that approves at once (the quirky provider):
 * the start link, the provider's redirect, the callback. @returns the callback page.
 */
export async function approveInBrowser(h: Harness, apiKey: string, connectionId: string): Promise<string> {
  const { providerUrl, cookie } = await startInBrowser(h, apiKey, connectionId)
  const location = (await fetch(providerUrl, { redirect: 'manual' })).headers.get('location') ?? ''
  return (await deliverCallback(h, new URL(location), cookie)).body
}
