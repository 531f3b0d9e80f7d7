import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RedisClient } from '@latchkey/jobs'
import { probe, readiness } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'

/** The worker's own small HTTP listener. */
export interface StatusServer {
  /** `http://host:port` it listens on. */
  readonly url: string
  close(): Promise<void>
}

/**
 * `/healthz` (the process is up), `/readyz` (PostgreSQL, Redis and the queues answer; 503
 * naming what does not) and `/metrics` (the runtime's registry in the Prometheus text
 * format: refreshes, token requests, revocations, webhooks, queue depth and age, Node's
 * process metrics), for probes and the scraper. Nothing else; no secret in any answer.
 */
export async function startStatusServer(options: {
  readonly runtime: Runtime
  readonly redis: RedisClient
  readonly host: string
  readonly port: number
}): Promise<StatusServer> {
  const { runtime, redis } = options
  const server: Server = createServer((req, res) => {
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
    }
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET') return send(405, 'application/json', '{"error":"GET only"}')
    if (path === '/healthz') return send(200, 'application/json', '{"ok":true}')
    if (path === '/readyz') {
      void Promise.all([
        readiness(runtime.store, redis),
        probe(() => runtime.queues.refresh.getJobCounts('waiting'))
      ]).then(([state, queues]) => {
        const ok = state.ok && queues === 'ok'
        send(ok ? 200 : 503, 'application/json', JSON.stringify({ ...state, ok, queues }))
      })
      return
    }
    if (path === '/metrics') {
      void runtime.metrics.text().then(
        ({ contentType, body }) => send(200, contentType, body),
        (error: unknown) => send(500, 'text/plain', `metrics failed: ${(error as Error).message}`)
      )
      return
    }
    send(404, 'application/json', '{"error":"not found: /healthz, /readyz or /metrics"}')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { address, port } = server.address() as AddressInfo
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
