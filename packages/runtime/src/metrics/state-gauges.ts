import { QUEUE_NAMES } from '@latchkey/jobs'
import type { JobQueues } from '@latchkey/jobs'
import type { Store } from '@latchkey/store'
import type { RuntimeMetrics } from './metrics.js'

/**
 * The figures read when scraped: each queue's depth by state and the age of its oldest
 * waiting job (Redis), and connections by status (PostgreSQL, counted at most every `countEveryMs`, 30 s by default: a scrape
 * must not scan the table each time).
 */
export function registerStateGauges(
  metrics: RuntimeMetrics,
  store: Store,
  queues: JobQueues,
  caches: Readonly<Record<string, () => number>> = {}
): void {
  metrics.gauge(
    'latchkey_cache_entries',
    "Entries held by each of this process's in-memory caches (each bounded)",
    ['cache'],
    async (set) => {
      for (const [cache, size] of Object.entries(caches)) set({ cache }, size())
    }
  )
  const byName = {
    [QUEUE_NAMES.refresh]: queues.refresh,
    [QUEUE_NAMES.revoke]: queues.revoke,
    [QUEUE_NAMES.http]: queues.http,
    [QUEUE_NAMES.webhook]: queues.webhook
  }
  metrics.gauge(
    'latchkey_queue_jobs',
    'Jobs in each queue by state (waiting, delayed, active, failed)',
    ['queue', 'state'],
    async (set) => {
      for (const [name, queue] of Object.entries(byName)) {
        const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized')
        set({ queue: name, state: 'waiting' }, (counts.waiting ?? 0) + (counts.prioritized ?? 0))
        for (const state of ['delayed', 'active', 'failed'] as const) set({ queue: name, state }, counts[state] ?? 0)
      }
    }
  )
  metrics.gauge(
    'latchkey_queue_oldest_waiting_seconds',
    'Age of the oldest job waiting to run in each queue (0 when none waits)',
    ['queue'],
    async (set) => {
      const now = Date.now()
      for (const [name, queue] of Object.entries(byName)) {
        const [oldest] = await queue.getJobs(['waiting'], -1, -1)
        set({ queue: name }, oldest === undefined ? 0 : Math.max(0, (now - oldest.timestamp) / 1000))
      }
    }
  )
  let counted: { at: number; rows: { status: string; count: number }[] } | undefined
  metrics.gauge('latchkey_connections', 'Connections by status', ['status'], async (set) => {
    if (counted === undefined || Date.now() - counted.at >= metrics.countEveryMs)
      counted = { at: Date.now(), rows: await store.connections.countByStatus() }
    for (const status of ['configured', 'connected', 'error', 'disconnected'])
      set({ status }, counted.rows.find((r) => r.status === status)?.count ?? 0)
  })
}
