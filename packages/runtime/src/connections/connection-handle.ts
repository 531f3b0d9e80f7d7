import { LRUCache } from 'lru-cache'
import { resolveConfigValues, templateParameters } from '@latchkey/connector-sdk'
import type { ResolvedAuthScheme, TemplateValues } from '@latchkey/connector-sdk'
import type { Connection, Store } from '@latchkey/store'
import { schemeIn } from '../connectors/catalog.js'
import type { Catalog, CatalogEntry } from '../connectors/catalog.js'
import { notFound } from '../errors.js'
import type { ChangeFeed } from './change-feed.js'
import { openParameters, schemeMismatch } from './connection-context.js'

/**
 * Everything a call or a job needs about one connection, resolved once and passed down:
 * the row, the connector, the auth scheme with its defaults, the opened parameters and
 * config values, and the app's URL overrides. Never holds a token or the app's secret.
 */
export interface ConnectionHandle {
  readonly connection: Connection
  /** `undefined` when the connector no longer exists (a deleted custom connector). */
  readonly entry: CatalogEntry | undefined
  /** `undefined` when the connector no longer offers the connection's scheme. */
  readonly scheme: ResolvedAuthScheme | undefined
  /** Parameters, config values, kept metadata and account identity, as templates read them. */
  readonly values: TemplateValues & { readonly parameters: Readonly<Record<string, string>> }
  /** The tenant app's URL overrides (`baseUrl`, ...), if it has any. */
  readonly overrides: Readonly<Record<string, string>> | undefined
}

/** The connector of a handle. @throws {RuntimeError} `not_found` when it was deleted. */
export function entryOf(handle: ConnectionHandle): CatalogEntry {
  if (handle.entry === undefined) throw notFound(`connector "${handle.connection.connector_key}"`)
  return handle.entry
}

/** The scheme of a handle. @throws {RuntimeError} `scheme_mismatch` when the connector no longer offers it. */
export function schemeOfHandle(handle: ConnectionHandle): ResolvedAuthScheme {
  return handle.scheme ?? schemeMismatch(handle.connection)
}

/** Bounds of the in-memory handle cache. */
export interface HandleCacheOptions {
  /** Most handles held. @defaultValue `10000` */
  readonly max?: number
  /** The longest a handle is trusted without a word from the change feed. @defaultValue `60000` */
  readonly ttlMs?: number
}

/**
 * Connection handles, loaded from PostgreSQL once and then served from memory: in the
 * steady state an API call reads nothing from the database. Every change (a status,
 * parameters, a disconnect, an app or connector edit) reaches every process through the
 * change feed and drops the handles it concerns; while the feed is not live, nothing is
 * served from memory.
 */
export class ConnectionHandles {
  readonly #cache: LRUCache<string, ConnectionHandle>
  /** Bumped by every change heard: a load that overlapped one is used but not kept. */
  #generation = 0

  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly feed: ChangeFeed,
    options: HandleCacheOptions = {}
  ) {
    this.#cache = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 60_000 })
    feed.listen((change) => {
      this.#generation += 1
      if (change === undefined) this.#cache.clear()
      else if (change.kind === 'connection') this.#cache.delete(change.connectionId)
      else if (change.kind === 'app' || change.kind === 'connector') {
        for (const [id, handle] of this.#cache.entries())
          if (
            handle.connection.tenant_id === change.tenantId &&
            handle.connection.connector_key === change.connectorKey
          )
            this.#cache.delete(id)
      }
    })
  }

  /** How many handles are held (for tests and metrics). */
  get size(): number {
    return this.#cache.size
  }

  /** The tenant's connection's handle, from memory when it is known to be current. @throws {RuntimeError} `not_found` */
  async get(tenantId: string, connectionId: string): Promise<ConnectionHandle> {
    const cached = this.feed.live ? this.#cache.get(connectionId) : undefined
    if (cached !== undefined && cached.connection.tenant_id === tenantId) return cached
    const generation = this.#generation
    const handle = await this.load(tenantId, connectionId)
    if (this.feed.live && generation === this.#generation) this.#cache.set(connectionId, handle)
    return handle
  }

  /** A handle read from PostgreSQL now (jobs, and anything that must see the latest row). @throws {RuntimeError} `not_found` */
  async load(tenantId: string, connectionId: string): Promise<ConnectionHandle> {
    const connection = await this.store.connections.get(tenantId, connectionId)
    if (connection === undefined) throw notFound('connection')
    return this.of(connection)
  }

  /** The handle of a row the caller already holds. */
  async of(connection: Connection): Promise<ConnectionHandle> {
    const entry = await this.catalog.get(connection.tenant_id, connection.connector_key)
    const parameters = await openParameters(this.store, connection.parameters)
    if (entry === undefined)
      return {
        connection,
        entry,
        scheme: undefined,
        values: { parameters, config: {}, metadata: connection.metadata, account: connection.account },
        overrides: undefined
      }
    const overrides = await this.store.apps.overrides(connection.tenant_id, connection.connector_key)
    return {
      connection,
      entry,
      scheme: schemeIn(entry.definition, connection.auth_scheme),
      values: {
        parameters: templateParameters(entry.definition, parameters),
        config: resolveConfigValues(entry.definition, parameters),
        metadata: connection.metadata,
        account: connection.account
      },
      overrides
    }
  }
}
