import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Runtime } from '@latchkey/runtime'
import { RuntimeError } from '@latchkey/runtime'
import type { Tenant } from '@latchkey/store'

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant whose API key authenticated this request (`/v1` routes). */
    tenant: Tenant
  }
}

/** Whether a given secret is the expected one, compared in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The credential of `Authorization: Bearer <credential>`, if the header has that shape. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
}

/** Each request's key lookup, once: the rate limit's key and the route's auth both ask. */
const lookups = new WeakMap<FastifyRequest, Promise<Tenant | undefined>>()

/** The tenant of the request's `Authorization: Bearer <tenant API key>`, if any (looked up once per request). */
export function tenantOfRequest(runtime: Runtime, request: FastifyRequest): Promise<Tenant | undefined> {
  let lookup = lookups.get(request)
  if (lookup === undefined) {
    const key = bearerToken(request)
    lookup = key === undefined ? Promise.resolve(undefined) : runtime.tenants.authenticate(key)
    lookups.set(request, lookup)
  }
  return lookup
}

/** A preHandler that authenticates `Authorization: Bearer <tenant API key>`. */
export function tenantAuth(runtime: Runtime): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const tenant = await tenantOfRequest(runtime, request)
    if (tenant === undefined)
      throw new RuntimeError('unauthorized', 'a valid tenant API key is required: Authorization: Bearer <API key>')
    request.tenant = tenant
  }
}
