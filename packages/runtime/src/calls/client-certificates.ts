import { createHash } from 'node:crypto'
import { rootCertificates } from 'node:tls'
import { LRUCache } from 'lru-cache'
import { CLIENT_CERTIFICATE_KEYS } from '@latchkey/connector-sdk'
import type { ResolvedAuthScheme } from '@latchkey/connector-sdk'
import type { HttpOptions } from '@latchkey/oauth-client'
import type { AppRecord, ClientCertificate } from '@latchkey/store'
import type { Dispatcher } from 'undici'
import { RuntimeError } from '../errors.js'
import { createEgressDispatcher } from './egress-policy.js'

/** Where the tenants' apps are read from (the app cache, so a steady call decrypts nothing). */
export interface AppSource {
  get(tenantId: string, connectorKey: string): Promise<AppRecord | undefined>
}

/** Options of {@link ClientCertificates}. */
export interface ClientCertificateOptions {
  readonly allowPrivateNetwork?: boolean | undefined
  readonly connectTimeoutMs?: number | undefined
  /** CA certificates (PEM) trusted beside Node's own: a private PKI, or tests. */
  readonly extraCaCertificates?: readonly string[] | undefined
  /** Dispatchers (one per certificate) held open at once. @defaultValue `100` */
  readonly max?: number
}

/**
 * The dispatchers of schemes that present a client certificate (mutual TLS): one undici
 * agent per certificate, under the same egress policy as every other request, kept while
 * used and closed when dropped. A replaced certificate has another fingerprint, so the next
 * request opens a new agent; the old one ages out.
 * @see https://www.rfc-editor.org/rfc/rfc8705
 */
export class ClientCertificates {
  readonly #agents: LRUCache<string, Dispatcher>
  readonly #ca: readonly string[] | undefined

  constructor(
    private readonly apps: AppSource,
    private readonly options: ClientCertificateOptions = {}
  ) {
    this.#agents = new LRUCache({
      max: options.max ?? 100,
      dispose: (agent) => void agent.close().catch(() => undefined)
    })
    const extra = options.extraCaCertificates ?? []
    this.#ca = extra.length === 0 ? undefined : [...rootCertificates, ...extra]
  }

  /**
   * The dispatcher for one request of a scheme: `fallback` (the shared egress dispatcher)
   * when it presents no certificate, else the agent of the app's certificate, or of the one
   * the customer pasted with `credentials`.
   * @throws {RuntimeError} `app_not_configured` when the scheme needs the app's certificate and the app has none;
   *   `needs_reconnect` when it needs the customer's and the credentials hold none.
   */
  async dispatcherFor(
    tenantId: string,
    connectorKey: string,
    scheme: Pick<ResolvedAuthScheme, 'clientCertificate'> | undefined,
    fallback: Dispatcher,
    credentials?: Readonly<Record<string, string>>
  ): Promise<Dispatcher> {
    if (scheme?.clientCertificate === 'customer') return this.customerAgent(credentials)
    if (scheme?.clientCertificate !== 'app') return fallback
    return this.agentOf(tenantId, connectorKey)
  }

  /** The agent of the certificate a customer pasted with their credentials. @throws {RuntimeError} `needs_reconnect` */
  private customerAgent(credentials: Readonly<Record<string, string>> | undefined): Dispatcher {
    const certificate = credentials?.[CLIENT_CERTIFICATE_KEYS.certificate]
    const privateKey = credentials?.[CLIENT_CERTIFICATE_KEYS.privateKey]
    if (certificate === undefined || privateKey === undefined)
      throw new RuntimeError(
        'needs_reconnect',
        'the connection has no client certificate (mutual TLS): the customer must give theirs again'
      )
    return this.agentFor({ certificate, privateKey })
  }

  /** HTTP options for a token, refresh or revoke request of a scheme: `http` with the certificate's agent when it has one. */
  async httpFor(
    tenantId: string,
    connectorKey: string,
    scheme: Pick<ResolvedAuthScheme, 'clientCertificate'> | undefined,
    http: HttpOptions | undefined,
    credentials?: Readonly<Record<string, string>>
  ): Promise<HttpOptions | undefined> {
    if (scheme?.clientCertificate === 'customer') return { ...http, dispatcher: this.customerAgent(credentials) }
    if (scheme?.clientCertificate !== 'app') return http
    return { ...http, dispatcher: await this.agentOf(tenantId, connectorKey) }
  }

  /** The agent presenting the app's certificate. @throws {RuntimeError} `app_not_configured` */
  private async agentOf(tenantId: string, connectorKey: string): Promise<Dispatcher> {
    const held = (await this.apps.get(tenantId, connectorKey))?.clientCertificate ?? null
    if (held === null)
      throw new RuntimeError(
        'app_not_configured',
        `the "${connectorKey}" app needs its client certificate (mutual TLS): set clientCertificate with PUT /v1/connectors/${connectorKey}/app`
      )
    return this.agentFor(held)
  }

  /** One agent per certificate and key, opened on first use. */
  private agentFor(held: ClientCertificate): Dispatcher {
    const fingerprint = createHash('sha256')
      .update(held.certificate)
      .update('\u0000')
      .update(held.privateKey)
      .digest('hex')
    let agent = this.#agents.get(fingerprint)
    if (agent === undefined) {
      agent = createEgressDispatcher({
        allowPrivateNetwork: this.options.allowPrivateNetwork ?? false,
        ...(this.options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: this.options.connectTimeoutMs }),
        tls: { cert: held.certificate, key: held.privateKey, ...(this.#ca === undefined ? {} : { ca: this.#ca }) }
      })
      this.#agents.set(fingerprint, agent)
    }
    return agent
  }

  /** How many certificate agents are open (tests, metrics). */
  get size(): number {
    return this.#agents.size
  }

  /** Closes every certificate agent (runtime shutdown). */
  close(): void {
    this.#agents.clear()
  }
}

/**
 * The HTTP options of a connection's token, refresh or revoke request: with its app's
 * certificate when its scheme presents one, else `http` as it is (no certificates: as it is).
 */
export function tokenHttpFor(
  certificates: ClientCertificates | undefined,
  connection: { readonly tenant_id: string; readonly connector_key: string },
  scheme: Pick<ResolvedAuthScheme, 'clientCertificate'> | undefined,
  http: HttpOptions | undefined,
  credentials?: Readonly<Record<string, string>>
): Promise<HttpOptions | undefined> {
  if (certificates === undefined) return Promise.resolve(http)
  return certificates.httpFor(connection.tenant_id, connection.connector_key, scheme, http, credentials)
}
