import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the receiver got, as it arrived. */
export interface ReceivedWebhook {
  /** Which request this was, from 1. */
  readonly n: number
  /** When it arrived (`Date.now()`). */
  readonly at: number
  readonly path: string
  /** Lower-case header names. */
  readonly headers: Record<string, string>
  /** The exact body bytes as text (signatures cover these). */
  readonly body: string
}

/** How the receiver answers a request. */
export interface ReceiverAnswer {
  readonly status: number
  readonly headers?: Record<string, string>
  readonly body?: string
  /** Never answer (the request hangs until the client gives up or the receiver closes). */
  readonly hang?: boolean
}

/** A webhook receiver on loopback that records every request and answers as told. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  readonly url: string
  readonly received: readonly ReceivedWebhook[]
  /** Sets how the next requests are answered (by the request's number, from 1). @defaultValue every request 204 */
  answer(by: (request: ReceivedWebhook) => ReceiverAnswer): void
  /** Resolves once `count` requests matching `filter` arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, filter?: (request: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>
  close(): Promise<void>
}

/** Starts a receiver on a free loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  let answerFor: (request: ReceivedWebhook) => ReceiverAnswer = () => ({ status: 204 })
  const hanging = new Set<ServerResponse>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
      const request: ReceivedWebhook = {
        n: received.length + 1,
        at: Date.now(),
        path: req.url ?? '/',
        headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      received.push(request)
      const answer = answerFor(request)
      if (answer.hang === true) {
        hanging.add(res)
        res.on('close', () => hanging.delete(res))
        return
      }
      res.writeHead(answer.status, answer.headers)
      res.end(answer.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(by) {
      answerFor = by
    },
    async waitFor(count, filter = () => true, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const matching = received.filter(filter)
        if (matching.length >= count) return matching
        if (Date.now() > until)
          throw new Error(
            `the receiver got ${matching.length} of ${count} matching requests in time (${received.length} in all)`
          )
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async close() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
