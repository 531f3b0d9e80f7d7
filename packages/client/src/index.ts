import createClient from 'openapi-fetch'
import type { Client, Middleware } from 'openapi-fetch'
import type { paths } from './schema.js'

export type { paths } from './schema.js'

/** The JSON body of an operation's answer with this status. */
export type AnswerOf<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'put' | 'patch' | 'delete',
  Status extends number = 200
> = paths[Path][Method] extends {
  responses: { [S in Status]: { content: { 'application/json': infer Body } } }
}
  ? Body
  : never

/** A connection as the API shows it. */
export type Connection = AnswerOf<'/v1/connections/{id}', 'get'>
/** A page of connections (`nextCursor` for the next one). */
export type ConnectionsPage = AnswerOf<'/v1/connections', 'get'>
/** A webhook endpoint (its secret appears on creation and rotation only). */
export type WebhookEndpoint = AnswerOf<'/v1/webhook-endpoints/{id}', 'get'>
/** One delivery of a webhook message to an endpoint. */
export type WebhookDelivery = AnswerOf<'/v1/webhook-endpoints/{id}/deliveries/{deliveryId}', 'get'>
/** An error answer: `{ error: { code, message, details } }`. */
export type ErrorAnswer = AnswerOf<'/v1/connections/{id}', 'get', 404>

/** Options of {@link createLatchkeyClient}. */
export interface LatchkeyClientOptions {
  /** Where the API is, e.g. `https://latchkey.example.com`. */
  readonly baseUrl: string
  /** A tenant API key (`lk_…`), sent as `Authorization: Bearer`. */
  readonly apiKey: string
  /** @defaultValue the global `fetch` */
  readonly fetch?: typeof fetch
}

/** The client: `GET`, `POST`, `PUT`, `PATCH`, `DELETE` typed by path, with the tenant key on every request. */
export type LatchkeyClient = Client<paths>

/**
 * A typed client for a builder's backend. Paths, parameters, bodies and answers are typed
 * from the API's own OpenAPI document; each call resolves to `{ data }` or `{ error }`
 * (the API's error body) with the `response`.
 *
 * @example
 * const latchkey = createLatchkeyClient({ baseUrl: 'https://latchkey.example.com', apiKey: process.env.LATCHKEY_KEY })
 * const { data, error } = await latchkey.POST('/v1/connections', { body: { connector: 'github', externalId: 'customer-1' } })
 */
export function createLatchkeyClient(options: LatchkeyClientOptions): LatchkeyClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch })
  })
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${options.apiKey}`)
      return request
    }
  }
  client.use(auth)
  return client
}
