import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyPluginAsync } from 'fastify'
import type { RedisClient } from '@latchkey/jobs'
import type { Runtime } from '@latchkey/runtime'
import { errorHandler } from './http-errors.js'
import { inputTextCheck } from './input-text.js'
import { SECURITY_SCHEMES, documentRoute } from './route-docs.js'
import { callRoutes } from './routes/call-routes.js'
import { connectSessionRoutes, wizardApiRoutes } from './routes/connect-session-routes.js'
import { connectionRoutes } from './routes/connection-routes.js'
import { connectorRoutes } from './routes/connector-routes.js'
import { healthRoutes } from './routes/health-routes.js'
import { iconRoutes } from './routes/icon-routes.js'
import { brandingRoutes, settingsRoutes } from './routes/settings-routes.js'
import { installMetrics } from './routes/metrics-routes.js'
import { installRateLimits } from './rate-limits.js'
import type { RateLimits } from './rate-limits.js'
import { oauthRoutes } from './routes/oauth-routes.js'
import { apiKeyRoutes, tenantRoutes } from './routes/tenant-routes.js'
import { uiRoutes } from './routes/ui-routes.js'
import { webhookRoutes } from './routes/webhook-routes.js'

/** What the app needs from the process that runs it. */
export interface AppOptions {
  readonly runtime: Runtime
  readonly redis: RedisClient
  readonly adminToken: string
  /** When set, `/metrics` takes `Authorization: Bearer <it>`. */
  readonly metricsToken?: string | undefined
  /** Per-tenant limits; unset: none (the process sets them from its configuration). */
  readonly rateLimits?: RateLimits | undefined
}

/**
 * The Latchkey HTTP API as a fastify plugin: the process (`server.ts`) and the tests
 * register it. External connections come in built (runtime, redis); routes load last.
 */
export const latchkeyApp: FastifyPluginAsync<AppOptions> = async (app, options) => {
  app.setErrorHandler(errorHandler)
  // Many clients send `content-type: application/json` on bodiless POSTs (authorize, refresh): accept it.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body)
    if (text.trim() === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400, code: 'INVALID_JSON' }), undefined)
    }
  })
  // Before any route: text PostgreSQL cannot store is a 400 naming its field, never a 500.
  // The OAuth browser routes answer with HTML pages and handle their own text: the start
  // token is only ever hashed, and the callback's provider text is the OAuth client's to
  // sanitise. The proxy's body is a stream and is never read here.
  app.addHook(
    'preValidation',
    inputTextCheck({ ownInputHandling: ['/oauth/start/:token', '/oauth/callback/', '/oauth/callback'] })
  )
  // Every route's tag and security, before any route is added (the document, the docs page and the client follow).
  app.addHook('onRoute', documentRoute)
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Latchkey API',
        version: '1',
        description:
          'Connector runtime: connectors, connections, the connect flow, authenticated calls, webhooks. The contract in words: docs/api.md.'
      },
      tags: [
        { name: 'connectors', description: 'The catalog, custom connectors and their OAuth apps' },
        { name: 'connections', description: "End customers' connections and their tokens" },
        { name: 'calls', description: 'Authenticated calls to the provider: the envelope, the proxy, queued jobs' },
        { name: 'connect sessions', description: 'Links that open the connect wizard for one end customer' },
        { name: 'connect wizard', description: 'What the wizard calls with a connect session token' },
        { name: 'webhooks', description: 'Endpoints that hear what happened (Standard Webhooks)' },
        { name: 'api keys', description: "A tenant's own API keys" },
        { name: 'settings', description: "A tenant's branding and where its wizard may be embedded" },
        { name: 'operator', description: 'Tenants, with the admin token' },
        { name: 'browser', description: 'Pages and the OAuth redirects, for browsers (no key)' },
        { name: 'health', description: 'Liveness and readiness' }
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ tenantKey: [] }]
    }
  })
  // The docs page, served from this deployment only (Swagger UI's own files, no third-party resource).
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, tryItOutEnabled: false },
    theme: { title: 'Latchkey API' }
  })
  // On this plugin itself (not a child), so every route's answer is measured; after the document, which lists /metrics.
  installMetrics(app, { runtime: options.runtime, metricsToken: options.metricsToken })
  if (options.rateLimits !== undefined)
    await installRateLimits(app, { runtime: options.runtime, redis: options.redis, limits: options.rateLimits })
  await app.register(healthRoutes, { runtime: options.runtime, redis: options.redis })
  await app.register(tenantRoutes, { runtime: options.runtime, adminToken: options.adminToken })
  await app.register(apiKeyRoutes, { runtime: options.runtime })
  await app.register(connectorRoutes, { runtime: options.runtime })
  await app.register(connectionRoutes, { runtime: options.runtime })
  await app.register(callRoutes, { runtime: options.runtime })
  await app.register(webhookRoutes, { runtime: options.runtime })
  await app.register(oauthRoutes, { runtime: options.runtime })
  await app.register(connectSessionRoutes, { runtime: options.runtime })
  await app.register(wizardApiRoutes, { runtime: options.runtime })
  await app.register(uiRoutes, { runtime: options.runtime })
  await app.register(iconRoutes, { runtime: options.runtime })
  await app.register(settingsRoutes, { runtime: options.runtime })
  await app.register(brandingRoutes, { runtime: options.runtime })
}
