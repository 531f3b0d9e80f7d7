import { LRUCache } from 'lru-cache'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import type { ConnectorDefinition, ConnectorDefinitionJson, ResolvedAuthScheme } from '@latchkey/connector-sdk'
import type { CustomConnectorsRepository } from '@latchkey/store'
import type { ChangeFeed } from '../connections/change-feed.js'

/** Resolved schemes by definition object: a definition replaced is a new object, so nothing goes stale. */
const resolved = new WeakMap<ConnectorDefinition | ConnectorDefinitionJson, readonly ResolvedAuthScheme[]>()

/**
 * A definition's auth scheme by key (the first when `key` is null), defaults applied;
 * resolved once per definition object, for every connection, call and refresh that asks.
 * `undefined` when the connector does not offer it.
 */
export function schemeIn(
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  key: string | null
): ResolvedAuthScheme | undefined {
  let schemes = resolved.get(definition)
  if (schemes === undefined) resolved.set(definition, (schemes = resolveAuthSchemes(definition)))
  return key === null ? schemes[0] : schemes.find((scheme) => scheme.key === key)
}

/** A connector as the runtime sees it, built in or a tenant's own. */
export interface CatalogEntry {
  readonly definition: ConnectorDefinition | ConnectorDefinitionJson
  readonly source: 'catalog' | 'custom'
}

/**
 * The connectors a tenant can use: the built-in catalog (from `connectors/*`, given at
 * start) and the tenant's custom ones. A custom connector cannot take a catalog key.
 */
export class Catalog {
  readonly #builtIn: ReadonlyMap<string, ConnectorDefinition | ConnectorDefinitionJson>
  /** Validated custom definitions: the hot path (every API call) must not revalidate. */
  readonly #custom: LRUCache<string, { definition: ConnectorDefinitionJson | null }>
  /**
   * How long a custom definition is reused before it is read again. Edits reach every
   * process at once through the change feed; this bounds only a change the feed missed.
   */
  static readonly CUSTOM_TTL_MS = 60_000

  constructor(
    builtIn: readonly (ConnectorDefinition | ConnectorDefinitionJson)[],
    private readonly custom: CustomConnectorsRepository,
    private readonly feed?: ChangeFeed,
    max = 10_000
  ) {
    this.#custom = new LRUCache({ max, ttl: Catalog.CUSTOM_TTL_MS })
    this.#builtIn = new Map(builtIn.map((definition) => [definition.key, definition]))
    feed?.listen((change) => {
      if (change === undefined) this.#custom.clear()
      else if (change.kind === 'connector') this.forget(change.tenantId, change.connectorKey)
    })
  }

  isBuiltIn(key: string): boolean {
    return this.builtIn(key) !== undefined
  }

  /** A built-in connector's definition (the same for every tenant), or `undefined`. */
  builtIn(key: string): ConnectorDefinition | ConnectorDefinitionJson | undefined {
    return this.#builtIn.get(key)
  }

  async get(tenantId: string, key: string): Promise<CatalogEntry | undefined> {
    const builtIn = this.#builtIn.get(key)
    if (builtIn !== undefined) return { definition: builtIn, source: 'catalog' }
    const cacheKey = `${tenantId}:${key}`
    const cached = this.feed?.live === false ? undefined : this.#custom.get(cacheKey)
    if (cached !== undefined)
      return cached.definition === null ? undefined : { definition: cached.definition, source: 'custom' }
    const stored = await this.custom.get(tenantId, key)
    const definition = stored === undefined ? null : revalidated(stored)
    this.#custom.set(cacheKey, { definition })
    return definition === null ? undefined : { definition, source: 'custom' }
  }

  /** How many custom definitions are held (metrics, tests). */
  get size(): number {
    return this.#custom.size
  }

  /** Forgets a custom definition after this process changed it. */
  forget(tenantId: string, key: string): void {
    this.#custom.delete(`${tenantId}:${key}`)
  }

  async list(tenantId: string): Promise<CatalogEntry[]> {
    const custom = await this.custom.list(tenantId)
    return [
      ...[...this.#builtIn.values()].map((definition) => ({ definition, source: 'catalog' as const })),
      ...custom.map((definition) => ({ definition: revalidated(definition), source: 'custom' as const }))
    ]
  }
}

/** Stored definitions were validated on the way in; checked again so a schema change cannot slip through. */
function revalidated(stored: Record<string, unknown>): ConnectorDefinitionJson {
  const result = validateConnectorDefinition(stored)
  if (!result.ok)
    throw new Error(
      `stored connector ${String(stored.key)} no longer validates: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
    )
  return result.definition
}
