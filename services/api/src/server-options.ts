import type { FastifyServerOptions } from 'fastify'
import { frameworkErrors } from './http-errors.js'
import { AJV_OPTIONS, logOptions } from './log-options.js'

/**
 * The fastify options of every Latchkey API server (the process, the test system and the
 * API tests): redacted logs at `level` (into `stream` when given), schema validation that
 * reports every field, errors before routing in the API's shape, and no proxy trusted.
 */
export function serverOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions {
  return { logger: logOptions(level, stream), ajv: AJV_OPTIONS, trustProxy: false, frameworkErrors }
}
