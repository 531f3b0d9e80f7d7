import { Webhook } from 'standardwebhooks'
import { request } from 'undici'
import type { Dispatcher } from 'undici'
import type { JobQueues, WebhookJob } from '@latchkey/jobs'
import type { DeliveryToSend, Store } from '@latchkey/store'
import { RuntimeError } from '../errors.js'
import { RuntimeMetrics } from '../metrics/metrics.js'
import { DEFAULT_RETRY_DELAYS_MS, judgeAttempt, nextDelayMs } from './retry-schedule.js'
import type { WebhookOutbox } from './webhook-outbox.js'
import { toEndpointView } from './webhook-service.js'

/** Settings of webhook delivery (`RuntimeConfig.webhooks`). */
export interface WebhookDeliveryOptions {
  /** An attempt without a full answer after this long failed (and is retried). @defaultValue `15000` */
  readonly timeoutMs?: number
  /** Waits before each retry. @defaultValue {@link DEFAULT_RETRY_DELAYS_MS} (about 28 hours) */
  readonly retryDelaysMs?: readonly number[]
  /** An endpoint failing every attempt for this long is disabled. @defaultValue 5 days */
  readonly disableAfterMs?: number
}

/** What one job did. */
export type DeliveryResult = 'delivered' | 'retrying' | 'failed' | 'skipped'

/** The answer's first characters, kept in the delivery log to say why it failed. */
const ERROR_TEXT_BYTES = 300

/** A person's reading of why an attempt got no answer. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: unknown }).code
  const name = (error as { name?: unknown }).name
  if (code === 'ERR_EGRESS_DENIED') return `refused by the egress policy: ${(error as Error).message}`
  if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return `no answer within ${Math.round(timeoutMs / 1000)} s`
  if (code === 'ECONNREFUSED') return 'the connection was refused'
  if (code === 'ENOTFOUND') return 'the host name does not resolve'
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'could not connect in time'
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'the connection was closed before an answer'
  const message = error instanceof Error ? error.message : String(error)
  return typeof code === 'string' ? `${message} (${code})` : message
}

/**
 * Sends one attempt of a webhook delivery, signed per Standard Webhooks (`webhook-id`, the
 * message's id on every attempt; `webhook-timestamp`; `webhook-signature` with one `v1,`
 * signature per secret that signs now), through the egress policy, and records it: a 2xx
 * delivers; a timeout, no answer, 5xx, 408 or 429 is retried on the schedule (a longer
 * `Retry-After` honoured) until it is spent; any other answer fails the delivery. Redirects
 * are not followed. An endpoint failing every attempt for `disableAfterMs` is disabled, and
 * the tenant's other endpoints hear of it.
 */
export class WebhookSender {
  private readonly timeoutMs: number
  private readonly schedule: readonly number[]
  private readonly disableAfterMs: number

  constructor(
    private readonly store: Store,
    private readonly queues: Pick<JobQueues, 'enqueueWebhook'>,
    private readonly outbox: WebhookOutbox,
    private readonly dispatcher: Dispatcher,
    options: WebhookDeliveryOptions = {},
    private readonly now: () => number = Date.now,
    private readonly metrics: RuntimeMetrics = new RuntimeMetrics({ processMetrics: false })
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.schedule = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
    this.disableAfterMs = options.disableAfterMs ?? 5 * 24 * 3_600_000
  }

  /** The `webhook-signature` header: each secret's `v1,` signature, space-separated. */
  static signature(secrets: readonly string[], messageId: string, at: Date, body: string): string {
    return secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ')
  }

  async deliver(job: WebhookJob, signal?: AbortSignal): Promise<DeliveryResult> {
    const toSend = await this.store.webhooks.toSend(job.deliveryId, new Date(this.now()))
    // Gone (endpoint deleted), finished, or this attempt already recorded by an earlier run of the job.
    if (toSend === undefined || toSend.delivery.status !== 'pending' || toSend.delivery.attempts > job.attempt)
      return 'skipped'
    if (!toSend.endpoint.enabled) {
      await this.store.webhooks.abandon(job.deliveryId, 'not sent: the endpoint is disabled')
      return 'skipped'
    }
    const started = performance.now()
    const answer = await this.post(toSend, signal)
    const durationMs = performance.now() - started
    const attemptsBefore = toSend.delivery.attempts
    const verdict = judgeAttempt(answer.status, answer.retryAfter, this.now())
    if (verdict.kind === 'delivered') {
      await this.store.webhooks.recordAttempt(job.deliveryId, attemptsBefore, {
        status: 'succeeded',
        statusCode: answer.status ?? null,
        durationMs,
        error: null
      })
      await this.store.webhooks.endpointAnswered(toSend.endpoint.id)
      this.metrics.webhookDeliveries.observe({ outcome: 'delivered' }, durationMs / 1000)
      return 'delivered'
    }
    const error =
      answer.error ?? `the endpoint answered ${answer.status}${answer.text === '' ? '' : `: ${answer.text}`}`
    const delay =
      verdict.kind === 'retry' ? nextDelayMs(attemptsBefore + 1, this.schedule, verdict.retryAfterMs) : undefined
    const recorded = await this.store.webhooks.recordAttempt(job.deliveryId, attemptsBefore, {
      status: delay === undefined ? 'failed' : 'pending',
      statusCode: answer.status ?? null,
      durationMs,
      error: delay === undefined && verdict.kind === 'retry' ? `${error} (no retries left)` : error,
      ...(delay === undefined ? {} : { nextAttemptAt: new Date(this.now() + delay) })
    })
    if (recorded && delay !== undefined)
      // If Redis cannot take it now, the sweep queues the pending delivery once it is overdue.
      await this.queues
        .enqueueWebhook({ deliveryId: job.deliveryId, attempt: attemptsBefore + 1 }, { delayMs: delay })
        .catch(() => undefined)
    await this.endpointFailed(toSend)
    this.metrics.webhookDeliveries.observe({ outcome: delay === undefined ? 'failed' : 'retrying' }, durationMs / 1000)
    return delay === undefined ? 'failed' : 'retrying'
  }

  /** One POST; never throws for the endpoint's sake (no answer is `status: undefined` with the reason). */
  private async post(
    toSend: DeliveryToSend,
    signal: AbortSignal | undefined
  ): Promise<{ status?: number; retryAfter?: string; text: string; error?: string }> {
    const at = new Date(this.now())
    const { message, secrets } = toSend
    const timeout = AbortSignal.timeout(this.timeoutMs)
    try {
      const response = await request(toSend.endpoint.url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Latchkey-Webhooks/1',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': WebhookSender.signature(secrets, message.id, at, message.body)
        },
        body: message.body,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: signal === undefined ? timeout : AbortSignal.any([timeout, signal])
      })
      const retryAfter = response.headers['retry-after']
      let text = ''
      if (response.statusCode < 200 || response.statusCode >= 300) {
        const chunks: Buffer[] = []
        let size = 0
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          if (size < ERROR_TEXT_BYTES) chunks.push(chunk)
          size += chunk.length
        }
        text = Buffer.concat(chunks)
          .subarray(0, ERROR_TEXT_BYTES)
          .toString('utf8')
          // eslint-disable-next-line no-control-regex -- control characters are what is removed
          .replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .trim()
      } else {
        await response.body.dump()
      }
      return {
        status: response.statusCode,
        ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
        text
      }
    } catch (error) {
      // The worker is shutting down: the attempt goes back to the queue, recorded nowhere.
      if (signal?.aborted === true)
        throw new RuntimeError('aborted', 'the webhook attempt was stopped by a worker shutting down', undefined, {
          cause: error
        })
      return { text: '', error: describeFailure(error, this.timeoutMs) }
    }
  }

  /** Counts a failed attempt against the endpoint; past `disableAfterMs` of failures it is disabled. */
  private async endpointFailed(toSend: DeliveryToSend): Promise<void> {
    const now = this.now()
    const since = await this.store.webhooks.endpointFailed(toSend.endpoint.id, new Date(now))
    if (now - since.getTime() < this.disableAfterMs) return
    const days = (now - since.getTime()) / 86_400_000
    const reason = `every delivery failed for ${days >= 1 ? `${Math.floor(days)} days` : `${Math.round((now - since.getTime()) / 60_000)} minutes`}`
    const endpoint = await this.store.webhooks.disableEndpoint(toSend.endpoint.id, reason)
    if (endpoint === undefined) return
    const others = (await this.store.webhooks.subscribed(endpoint.tenant_id, 'webhook_endpoint.disabled')).filter(
      (id) => id !== endpoint.id
    )
    const deliveries = await this.store.db
      .transaction()
      .execute((trx) =>
        this.outbox.emit(
          trx,
          endpoint.tenant_id,
          'webhook_endpoint.disabled',
          () => ({ ...toEndpointView(endpoint, now) }),
          others
        )
      )
    await this.outbox.dispatch(deliveries)
  }
}
