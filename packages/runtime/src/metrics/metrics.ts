import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { OAuthError } from '@latchkey/oauth-client'
import type { CatalogEntry } from '../connectors/catalog.js'

/** Seconds buckets for calls to providers and for the API's own answers. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/** Finer buckets for the time Latchkey itself adds to a call (well under a millisecond when warm). */
const OVERHEAD_SECONDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]

/** The connector label: a catalog connector's key, or `custom` (tenants name theirs: unbounded). */
export function connectorLabel(entry: Pick<CatalogEntry, 'source' | 'definition'> | undefined): string {
  return entry === undefined ? 'unknown' : entry.source === 'catalog' ? entry.definition.key : 'custom'
}

/** What a token request ended in. */
function outcomeOf(error: unknown): 'ok' | 'refused' | 'failed' {
  if (error === undefined) return 'ok'
  return error instanceof OAuthError && !error.retryable ? 'refused' : 'failed'
}

/**
 * The runtime's Prometheus metrics (prom-client), one registry per process: every name is
 * prefixed `latchkey_`, and no label carries a tenant, a connection or a custom connector's
 * key, so cardinality stays bounded. Services record into it; the API and the worker serve
 * it at `/metrics` with Node's default process metrics. Figures read on scrape (queue depth,
 * connections by status) are registered by the process that serves them ({@link gauge}).
 */
export class RuntimeMetrics {
  readonly registry = new Registry()

  /** Token endpoint calls (code exchange, refresh, client credentials, logins, OAuth 1.0a) by connector, grant and outcome. */
  readonly tokenRequests = new Histogram({
    name: 'latchkey_token_requests_seconds',
    help: 'Calls to token endpoints by connector (catalog key or "custom"), grant and outcome (ok, refused, failed)',
    labelNames: ['connector', 'grant', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry]
  })

  /** Refreshes by outcome: refreshed, refused (red), retryable (tried again later), sibling (another process's token). */
  readonly refreshes = new Counter({
    name: 'latchkey_refreshes_total',
    help: 'Token refreshes by outcome: refreshed, refused, retryable, sibling',
    labelNames: ['outcome'] as const,
    registers: [this.registry]
  })

  /** Time a call waited for another process's refresh (the single flight across processes). */
  readonly lockWaits = new Histogram({
    name: 'latchkey_single_flight_wait_seconds',
    help: "Time spent waiting for another process's refresh of the same connection",
    buckets: SECONDS,
    registers: [this.registry]
  })

  /** Authenticated calls to providers (proxy, envelope, jobs, verification) by status class of the answer. */
  readonly upstream = new Histogram({
    name: 'latchkey_upstream_seconds',
    help: "Provider answers to authenticated calls: time to the provider's headers, by status class",
    labelNames: ['status'] as const,
    buckets: SECONDS,
    registers: [this.registry]
  })

  /**
   * The latency Latchkey adds to an authenticated call: from the call's start (its
   * connection looked up) to the first byte sent upstream (handle, token, auth injection,
   * URL checks). Refresh waits after a provider's 401 are the provider's doing and not counted.
   */
  readonly callOverhead = new Histogram({
    name: 'latchkey_call_overhead_seconds',
    help: 'Time Latchkey spends on an authenticated call before sending it upstream (added latency)',
    buckets: OVERHEAD_SECONDS,
    registers: [this.registry]
  })

  /** Revocations at the provider by outcome: done, not_supported, retry, gave_up. */
  readonly revocations = new Counter({
    name: 'latchkey_revocations_total',
    help: 'Revocations at providers by outcome: done, not_supported, retry, gave_up',
    labelNames: ['outcome'] as const,
    registers: [this.registry]
  })

  /** Webhook attempts by outcome: delivered, retrying, failed. */
  readonly webhookDeliveries = new Histogram({
    name: 'latchkey_webhook_attempts_seconds',
    help: 'Webhook delivery attempts by outcome: delivered, retrying, failed',
    labelNames: ['outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry]
  })

  /** How long a count read from PostgreSQL on a scrape (connections by status) is reused. */
  readonly countEveryMs: number

  constructor(options: { readonly processMetrics?: boolean; readonly countEveryMs?: number } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'latchkey_' })
    this.countEveryMs = options.countEveryMs ?? 30_000
  }

  /** Times a token endpoint call, counting its outcome; the call's own result or error passes through. */
  async tokenRequest<T>(connector: string, grant: string, work: () => Promise<T>): Promise<T> {
    const end = this.tokenRequests.startTimer({ connector, grant })
    try {
      const result = await work()
      end({ outcome: 'ok' })
      return result
    } catch (error) {
      end({ outcome: outcomeOf(error) })
      throw error
    }
  }

  /**
   * A gauge read when scraped (queue depth, connections by status). `collect` sets its values;
   * when it throws (a dependency is down), the gauge keeps its last values and the scrape goes on.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>
  ): void {
    const gauge: Gauge<L> = new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        try {
          await collect((labels, value) => gauge.set(labels as never, value))
        } catch {
          // Keep the last values: a scrape never fails because PostgreSQL or Redis is away.
        }
      }
    })
  }

  /** The text format Prometheus scrapes. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() }
  }
}
