import type { Test } from 'tap'
import type { ConnectorDefinition, ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import type { JobQueues } from '@latchkey/jobs'
import { openStore } from '@latchkey/store'
import type { Store } from '@latchkey/store'
import { startStack } from '@latchkey/testkit'
import type { StackOptions, StartedStack } from '@latchkey/testkit'
import { createRuntime } from '../src/index.js'
import type { CallbackOutcome, Runtime, RuntimeConfig, StartResult } from '../src/index.js'

/** Where the runtimes of these tests say they are reached from browsers. */
export const PUBLIC_URL = 'http://127.0.0.1:4999'
/** The redirect URI every test client registers. */
export const REDIRECT_URI = `${PUBLIC_URL}/oauth/callback/`

type Connectors = readonly (ConnectorDefinition | ConnectorDefinitionJson)[]

/** One test's runtime over its own database, Redis prefix and servers, all real. */
export interface RuntimeSetup<O extends StackOptions> {
  readonly stack: StartedStack<O>
  readonly store: Store
  readonly queues: JobQueues
  readonly runtime: Runtime
  /** A tenant created for the test. */
  readonly tenantId: string
  /** Another runtime on the same database and Redis prefix, as a second process would be (its own caches). */
  sibling(config?: Partial<RuntimeConfig>): Promise<Runtime>
}

/**
 * The stack of one test (`startStack`), a store, queues and a started runtime on it, and a
 * tenant; everything is closed at the test's teardown, last in first out.
 */
export async function startRuntime<O extends StackOptions = Record<never, never>>(
  t: Test,
  options: {
    /** The built-in connectors, or a function of the stack's servers giving them. */
    readonly connectors: Connectors | ((stack: StartedStack<O>) => Connectors)
    readonly config?: Partial<RuntimeConfig>
    readonly stack?: O
  }
): Promise<RuntimeSetup<O>> {
  const stack = await startStack(t, options.stack)
  const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys: stack.encryptionKeys })
  stack.defer(() => store.close(), 'close the store')
  const queues = createJobQueues({ connection: stack.redis, prefix: stack.prefix })
  stack.defer(async () => {
    await Promise.all([
      queues.revoke.obliterate({ force: true }),
      queues.refresh.obliterate({ force: true }),
      queues.http.obliterate({ force: true }),
      queues.webhook.obliterate({ force: true })
    ])
    await queues.close()
  }, 'close the queues')
  const connectors = typeof options.connectors === 'function' ? options.connectors(stack) : options.connectors
  const start = async (config: Partial<RuntimeConfig> = {}): Promise<Runtime> => {
    const runtime = createRuntime({
      store,
      queues,
      redis: stack.redis,
      connectors,
      config: { publicUrl: PUBLIC_URL, allowPrivateNetwork: true, ...options.config, ...config }
    })
    await runtime.start()
    stack.defer(() => runtime.close(), 'close the runtime')
    return runtime
  }
  const runtime = await start()
  const { tenant } = await store.tenants.create('Acme')
  return { stack, store, queues, runtime, tenantId: tenant.id, sibling: start }
}

/** The code and state a provider sends back, as the URL it redirected to. */
export type Approve = (providerUrl: string) => Promise<URL>

/** Plays the end customer at the quirky provider: its authorize endpoint redirects at once. */
export async function followRedirect(providerUrl: string): Promise<URL> {
  const response = await fetch(providerUrl, { redirect: 'manual' })
  await response.body?.cancel()
  const location = response.headers.get('location')
  if (location === null) throw new Error(`the provider did not redirect (${response.status})`)
  return new URL(location)
}

/** A successful start, or the test fails with the refusal. */
export function started(result: StartResult | CallbackOutcome): StartResult {
  if (!('redirectTo' in result)) throw new Error(`start refused: ${JSON.stringify(result)}`)
  return result
}

/**
 * The connect flow as the API drives it: authorize, open the start link, approve at the
 * provider, deliver the callback with the binding cookie.
 */
export async function connectThrough(
  runtime: Runtime,
  tenantId: string,
  connectionId: string,
  approve: Approve
): Promise<{ outcome: CallbackOutcome; callback: URL; cookies: Record<string, string> }> {
  const { authorizeUrl } = await runtime.connect.authorize(tenantId, connectionId)
  const start = started(await runtime.connect.start(startTokenOf(authorizeUrl)))
  const callback = await approve(start.redirectTo)
  const cookies = { [start.cookie.name]: start.cookie.value }
  const outcome = await runtime.connect.callback(callback.searchParams, cookies)
  return { outcome, callback, cookies }
}

/** The start token of a start URL (`{PUBLIC_URL}/oauth/start/<token>`). */
export function startTokenOf(authorizeUrl: string): string {
  const token = /\/oauth\/start\/([^/]+)$/.exec(new URL(authorizeUrl).pathname)?.[1]
  if (token === undefined) throw new Error(`not a start URL: ${authorizeUrl}`)
  return token
}

/** The kinds of a connection's events, newest first. */
export async function eventKinds(runtime: Runtime, tenantId: string, connectionId: string): Promise<string[]> {
  return (await runtime.connections.events(tenantId, connectionId, 100)).map((e) => e.kind)
}

/** What a promise rejected with (the test fails if it resolved). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}
