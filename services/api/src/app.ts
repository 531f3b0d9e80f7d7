import cookie from '@fastify/cookie'
import swagger from '@fastify/swagger'
import type { FastifyPluginAsync } from 'fastify'
import type { Redis } from 'ioredis'
import type { Runtime } from '@latchkey/runtime'
import { errorHandler } from './http-errors.js'
import { inputTextCheck } from './input-text.js'
import { callRoutes } from './routes/call-routes.js'
import { connectSessionRoutes, wizardApiRoutes } from './routes/connect-session-routes.js'
import { connectionRoutes } from './routes/connection-routes.js'
import { connectorRoutes } from './routes/connector-routes.js'
import { healthRoutes } from './routes/health-routes.js'
import { oauthRoutes } from './routes/oauth-routes.js'
import { apiKeyRoutes, tenantRoutes } from './routes/tenant-routes.js'
import { uiRoutes } from './routes/ui-routes.js'
import { webhookRoutes } from './routes/webhook-routes.js'

/** What the app needs from the process that runs it. */
export interface AppOptions {
  readonly runtime: Runtime
  readonly redis: Redis
  readonly adminToken: string
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
  await app.register(cookie)
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Latchkey API',
        version: '1',
        description: 'Connector runtime: connectors, connections, the connect flow and tokens.'
      },
      components: { securitySchemes: { tenantKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ tenantKey: [] }]
    }
  })
  app.get('/docs/json', { schema: { hide: true } }, async () => app.swagger())
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
  await app.register(uiRoutes)
}
