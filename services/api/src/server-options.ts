import type { FastifyServerOptions } from 'fastify'
import { frameworkErrors } from './http-errors.js'
import { AJV_OPTIONS, logOptions } from './log-options.js'

/**
 * The fastify options of every Latchkey API server (the process, the test system and the
 * API tests): redacted logs at `level` (into `stream` when given), schema validation that
 * reports every field, errors before routing in the API's shape, and no proxy trusted
 * unless told (`TRUST_PROXY`).
 */
export function serverOptions(
  level: string,
  stream?: { write(line: string): void },
  trustProxy: boolean | number | string = false
): FastifyServerOptions {
  return {
    logger: logOptions(level, stream),
    ajv: AJV_OPTIONS,
    // fastify takes a hop count too (its docs); its type names only the other forms.
    trustProxy: trustProxy as FastifyServerOptions['trustProxy'],
    frameworkErrors
  }
}

/**
 * `TRUST_PROXY` as fastify takes it: `true`/`false`, a hop count, or addresses and CIDRs
 * (comma-separated). Only the client's address and protocol follow it; links and the
 * redirect URI always come from `PUBLIC_URL`.
 */
export function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true') return true
  if (value === 'false') return false
  if (/^\d+$/.test(value)) return Number(value)
  return value
}
