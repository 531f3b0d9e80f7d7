import fastify from 'fastify'
import type { RedisClient } from '@latchkey/jobs'
import { RuntimeMetrics } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { latchkeyApp } from './app.js'
import { serverOptions } from './server-options.js'

/** The OpenAPI document the API serves at `/docs/json` (OpenAPI 3). */
export interface OpenApiDocument {
  readonly openapi: string
  readonly paths: Record<string, Record<string, Record<string, unknown>>>
  readonly [key: string]: unknown
}

/**
 * The document the API serves, built without a database or Redis: routes only read their
 * services when a request comes, so the app is registered over inert ones and never
 * listens. The typed client (`@latchkey/client`) is generated from this, and its test
 * compares it with what a running API serves.
 */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const app = fastify(serverOptions('silent'))
  const inert = {
    config: { publicUrl: 'http://127.0.0.1:3000' },
    metrics: new RuntimeMetrics({ processMetrics: false })
  } as unknown as Runtime
  await app.register(latchkeyApp, { runtime: inert, redis: {} as RedisClient, adminToken: 'x'.repeat(32) })
  try {
    const answer = await app.inject({ method: 'GET', url: '/docs/json' })
    if (answer.statusCode !== 200) throw new Error(`/docs/json answered ${answer.statusCode}: ${answer.body}`)
    return answer.json()
  } finally {
    await app.close()
  }
}
