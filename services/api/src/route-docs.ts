import type { RouteOptions } from 'fastify'

/** How a group of routes is authenticated, as the OpenAPI document's security schemes name it. */
type Security = readonly Record<string, readonly string[]>[]

const TENANT_KEY: Security = [{ tenantKey: [] }]
const NONE: Security = []

/** The OpenAPI security schemes: every way a route is authenticated. */
export const SECURITY_SCHEMES = {
  tenantKey: {
    type: 'http',
    scheme: 'bearer',
    description: "A tenant's API key (`lk_…`, POST /v1/api-keys): every /v1 route unless noted."
  },
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The operator token, LATCHKEY_ADMIN_TOKEN: the tenant routes only.'
  },
  connectSession: {
    type: 'http',
    scheme: 'bearer',
    description: "A connect session's token (POST /v1/connect-sessions): what the connect wizard calls."
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'LATCHKEY_METRICS_TOKEN: /metrics takes it when it is set, and nothing when it is not.'
  }
} as const

/**
 * Every route's tag and security by where it lives: one table, first match wins, so a new
 * route is documented the way its neighbours are. Routes that declare their own keep them.
 */
const GROUPS: readonly { readonly match: RegExp; readonly tag: string; readonly security: Security }[] = [
  { match: /^\/v1\/tenants/, tag: 'operator', security: [{ adminToken: [] }] },
  { match: /^\/v1\/api-keys/, tag: 'api keys', security: TENANT_KEY },
  { match: /^\/v1\/connectors/, tag: 'connectors', security: TENANT_KEY },
  { match: /^\/v1\/connections\/:id\/(http|proxy)/, tag: 'calls', security: TENANT_KEY },
  { match: /^\/v1\/jobs/, tag: 'calls', security: TENANT_KEY },
  { match: /^\/v1\/connections/, tag: 'connections', security: TENANT_KEY },
  { match: /^\/v1\/connect-sessions/, tag: 'connect sessions', security: TENANT_KEY },
  { match: /^\/v1\/connect\//, tag: 'connect wizard', security: [{ connectSession: [] }] },
  { match: /^\/v1\/webhook-endpoints/, tag: 'webhooks', security: TENANT_KEY },
  { match: /^\/v1\/settings/, tag: 'settings', security: TENANT_KEY },
  { match: /^\/(healthz|readyz|metrics)$/, tag: 'health', security: NONE },
  { match: /^\/(oauth|connect|console|icons|branding)\b/, tag: 'browser', security: NONE },
  { match: /^\/$/, tag: 'browser', security: NONE }
]

/**
 * An `onRoute` hook giving every route its tag and security in the OpenAPI document (the
 * docs page and the typed client are generated from it). Static files and the docs page's
 * own routes stay out of it.
 */
export function documentRoute(route: RouteOptions): void {
  const schema = (route.schema ?? {}) as Record<string, unknown>
  if (schema.hide === true) return
  const group = GROUPS.find((g) => g.match.test(route.url))
  if (group === undefined) return
  route.schema = {
    ...schema,
    tags: (schema.tags as string[] | undefined) ?? [group.tag],
    security: (schema.security as Security | undefined) ?? group.security
  } as RouteOptions['schema']
}
