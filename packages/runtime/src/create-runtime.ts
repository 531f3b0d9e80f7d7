import { rootCertificates } from 'node:tls'
import type { ConnectorDefinition, ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import type { JobQueues } from '@latchkey/jobs'
import type { Store } from '@latchkey/store'
import { Catalog } from './connectors/catalog.js'
import { ConnectFlow } from './connect/connect-flow.js'
import { ConnectSessionService } from './connect/connect-session-service.js'
import { ConnectionService } from './connections/connection-service.js'
import { ConnectorService } from './connectors/connector-service.js'
import type { RuntimeConfig } from './runtime-config.js'
import { TenantService } from './tenants/tenant-service.js'
import { TenantSettingsService } from './tenants/tenant-settings.js'
import { CredentialService } from './credentials/credential-service.js'
import type { RedisClient } from '@latchkey/jobs'
import { ClientCertificates } from './calls/client-certificates.js'
import { createEgressDispatcher } from './calls/egress-policy.js'
import { HttpHelper } from './calls/http-helper.js'
import { BackgroundJobs } from './jobs/background-jobs.js'
import { DiscoveryCache } from './credentials/discovery-cache.js'
import { VerificationService } from './connections/verification-service.js'
import { ActionRunner } from './calls/action-runner.js'
import { ConnectionLifecycle } from './connections/lifecycle.js'
import type { HeldWebhooks } from './connections/lifecycle.js'
import { ChangeFeed } from './connections/change-feed.js'
import { ConnectionHandles } from './connections/connection-handle.js'
import { UsageRecorder } from './calls/usage-recorder.js'
import { AppCache } from './credentials/app-cache.js'
import { WebhookOutbox } from './webhooks/webhook-outbox.js'
import { WebhookSender } from './webhooks/webhook-sender.js'
import { WebhookService } from './webhooks/webhook-service.js'
import { RuntimeMetrics } from './metrics/metrics.js'
import { registerStateGauges } from './metrics/state-gauges.js'

/** Every domain service, over one store and one set of queues. */
export interface Runtime {
  readonly config: RuntimeConfig
  readonly store: Store
  readonly queues: JobQueues
  readonly catalog: Catalog
  readonly tenants: TenantService
  /** A tenant's branding and where its wizard may be embedded. */
  readonly settings: TenantSettingsService
  readonly connectors: ConnectorService
  readonly connections: ConnectionService
  readonly connect: ConnectFlow
  /** Connect sessions: what the wizard may see and do for one end customer. */
  readonly sessions: ConnectSessionService
  readonly credentials: CredentialService
  /** Connection handles (row, connector, scheme, parameters, overrides), from memory when current. */
  readonly handles: ConnectionHandles
  /** What changed, heard by every process (Redis pub/sub): the caches' invalidation. */
  readonly changes: ChangeFeed
  /** Authenticated calls to connectors' APIs. */
  readonly http: HttpHelper
  /** Connectors' declared actions, run through the HTTP helper. */
  readonly actions: ActionRunner
  /** The connectors' "who am I" requests. */
  readonly verification: VerificationService
  /** The work behind the queues (refresh, revoke, sweep). */
  readonly jobs: BackgroundJobs
  /** The tenants' webhook endpoints, their deliveries and replays. */
  readonly webhooks: WebhookService
  /** Sends one attempt of a webhook delivery (the worker's webhook queue). */
  readonly webhookSender: WebhookSender
  /** This process's Prometheus metrics (served at `/metrics` by the API and the worker). */
  readonly metrics: RuntimeMetrics
  /** Starts listening for other processes' changes. */
  start(): Promise<void>
  /** Stops listening and writes pending `lastUsedAt`s (the caller closes store, queues and redis). */
  close(): Promise<void>
}

/** Wires the services. The caller owns `store` and `queues` and closes them. */
export function createRuntime(options: {
  store: Store
  queues: JobQueues
  redis: RedisClient
  connectors: readonly (ConnectorDefinition | ConnectorDefinitionJson)[]
  config: RuntimeConfig
  /** @defaultValue metrics without Node's process metrics (the services pass their own, with them) */
  metrics?: RuntimeMetrics
}): Runtime {
  const { store, queues } = options
  const metrics = options.metrics ?? new RuntimeMetrics({ processMetrics: false })

  // One egress policy for every outbound request: token, refresh, revoke and API calls.
  const dispatcher =
    options.config.http?.dispatcher ??
    createEgressDispatcher({
      allowPrivateNetwork: options.config.allowPrivateNetwork,
      connectTimeoutMs: options.config.http?.connectTimeoutMs,
      ...(options.config.extraCaCertificates === undefined || options.config.extraCaCertificates.length === 0
        ? {}
        : { tls: { ca: [...rootCertificates, ...options.config.extraCaCertificates] } })
    })
  const config: RuntimeConfig = { ...options.config, http: { ...options.config.http, dispatcher } }
  // Every cache in every process hears of every change here.
  const changes = new ChangeFeed(options.redis, queues.keyPrefix)
  const catalog = new Catalog(options.connectors, store.customConnectors, changes, config.connectionCache?.max)
  const discovery = new DiscoveryCache(config.http, config.now)
  // The one writer of connection status and events; every service hands its transitions to it.
  // Webhooks are stored with the transition that causes them and queued once it committed.
  const outbox = new WebhookOutbox(store, queues, config.now)
  const lifecycle = new ConnectionLifecycle(store, changes, outbox)
  const handles = new ConnectionHandles(store, catalog, changes, config.connectionCache)
  const apps = new AppCache(store, changes, config.connectionCache)
  // Schemes that present the app's client certificate (mutual TLS) get an agent per certificate.
  const certificates = new ClientCertificates(apps, {
    allowPrivateNetwork: config.allowPrivateNetwork,
    connectTimeoutMs: config.http?.connectTimeoutMs,
    extraCaCertificates: config.extraCaCertificates
  })
  const credentials = new CredentialService(
    store,
    catalog,
    options.redis,
    config,
    queues.keyPrefix,
    lifecycle,
    changes,
    discovery,
    apps,
    metrics,
    certificates
  )
  const usage = new UsageRecorder(store, { now: config.now })
  const http = new HttpHelper(handles, credentials, lifecycle, usage, {
    dispatcher,
    certificates,
    ...config.api,
    now: config.now,
    metrics
  })
  const actions = new ActionRunner(handles, http)
  const verification = new VerificationService(store, catalog, http, lifecycle)
  // Verification runs after a connect commits; the connect's webhooks wait for it, to carry the account.
  const afterConnect = (held: HeldWebhooks): Promise<void> => verification.afterConnect(held)
  const connectors = new ConnectorService(store, catalog, config.publicUrl, changes)
  const settings = new TenantSettingsService(store, config.publicUrl)
  const connections = new ConnectionService(store, catalog, queues, credentials, lifecycle, afterConnect)
  const connect = new ConnectFlow(store, catalog, config, discovery, lifecycle, afterConnect, metrics, certificates)
  registerStateGauges(metrics, store, queues, {
    connections: () => handles.size,
    tokens: () => credentials.cachedTokens,
    definitions: () => catalog.size,
    issuers: () => discovery.size
  })
  return {
    config,
    store,
    queues,
    catalog,
    tenants: new TenantService(store, changes, config.connectionCache?.max),
    connectors,
    connections,
    connect,
    settings,
    sessions: new ConnectSessionService(store, catalog, connectors, connections, connect, settings, config),
    credentials,
    handles,
    changes,
    http,
    verification,
    actions,
    jobs: new BackgroundJobs(
      store,
      catalog,
      credentials,
      queues,
      config,
      http,
      actions,
      lifecycle,
      discovery,
      metrics,
      certificates
    ),
    webhooks: new WebhookService(store, outbox, {
      allowPrivateNetwork: config.allowPrivateNetwork ?? false,
      ...(config.now === undefined ? {} : { now: config.now })
    }),
    webhookSender: new WebhookSender(store, queues, outbox, dispatcher, config.webhooks, config.now, metrics),
    metrics,
    start: () => changes.start(),
    close: async () => {
      await usage.close()
      await changes.close()
      certificates.close()
    }
  }
}
