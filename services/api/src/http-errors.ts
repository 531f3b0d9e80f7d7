import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { RuntimeError, outageOf } from '@latchkey/runtime'
import type { RuntimeErrorCode } from '@latchkey/runtime'

/** The one table from error code to HTTP status (`api.md`). */
export const STATUS_OF: Record<RuntimeErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  not_connected: 409,
  needs_reconnect: 409,
  app_not_configured: 409,
  scheme_mismatch: 409,
  not_declared: 409,
  url_incomplete: 409,
  untrusted_origin: 409,
  provider_incompatible: 409,
  provider_refused: 422,
  provider_unreachable: 502,
  answer_too_large: 502,
  provider_timeout: 504,
  lock_timeout: 503,
  aborted: 503,
  throttled: 429,
  missing_scope: 409
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/**
 * Where a field lives, as every 400 names it: `body`, `query` and `params` (fastify's
 * validation context says `querystring` for the query).
 */
const ROOTS: Readonly<Record<string, string>> = { querystring: 'query' }

function fieldPath(context: string | undefined, instancePath: string, params: Record<string, unknown>): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join('')
  const missing = typeof params.missingProperty === 'string' ? `.${params.missingProperty}` : ''
  const extra = typeof params.additionalProperty === 'string' ? `.${params.additionalProperty}` : ''
  const root = context === undefined ? 'body' : (ROOTS[context] ?? context)
  return `${root}${segments}${missing}${extra}`
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null'
}

function typeWords(type: unknown): string[] {
  return String(type)
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? t)
}

function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

/** One schema failure in words a person reads, never the validator's own text. */
function sentence(keyword: string, params: Record<string, unknown>, fallback: string | undefined): string {
  const limit = Number(params.limit)
  switch (keyword) {
    case 'required':
      return 'is required'
    case 'additionalProperties':
      return 'is not a known field'
    case 'type':
      return `must be ${orList(typeWords(params.type))}`
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`
    case 'maxLength':
      return `must be at most ${limit} characters long`
    case 'minItems':
      return `must have at least ${limit} ${limit === 1 ? 'item' : 'items'}`
    case 'maxItems':
      return `must have at most ${limit} items`
    case 'minProperties':
      return limit === 1 ? 'must have at least one field' : `must have at least ${limit} fields`
    case 'uniqueItems':
      return 'must not repeat an item'
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${limit}`
    case 'enum':
      return `must be one of ${((params.allowedValues as unknown[] | undefined) ?? []).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`
    case 'pattern':
      return 'is not in the expected format'
    case 'format':
      return `must be ${params.format === 'uri' ? 'an absolute URL' : params.format === 'uuid' ? 'an id (a UUID)' : `a valid ${String(params.format)}`}`
    default:
      return fallback === undefined ? 'is not valid' : fallback.replace(/^must NOT/, 'must not')
  }
}

/**
 * The validator's failures as `{ path, message }` sentences, once per field: a union
 * (`anyOf`) is said as one sentence from its branches' types instead of a line per branch.
 */
export function readableIssues(
  context: string | undefined,
  failures: readonly { keyword: string; instancePath: string; params: unknown; message?: string | undefined }[]
): { path: string; message: string }[] {
  const byPath = new Map<string, { types: string[]; messages: string[]; union: boolean }>()
  for (const failure of failures) {
    const params = failure.params as Record<string, unknown>
    const path = fieldPath(context, failure.instancePath, params)
    const entry = byPath.get(path) ?? { types: [], messages: [], union: false }
    byPath.set(path, entry)
    if (failure.keyword === 'anyOf' || failure.keyword === 'oneOf') entry.union = true
    else if (failure.keyword === 'type') entry.types.push(...typeWords(params.type))
    else entry.messages.push(sentence(failure.keyword, params, failure.message))
  }
  const issues: { path: string; message: string }[] = []
  for (const [path, entry] of byPath) {
    const messages = [...new Set(entry.messages)]
    // A union's branch of the value's own type said what is wrong: the other branches' types are noise.
    if (entry.types.length > 0 && !(entry.union && messages.length > 0))
      messages.unshift(`must be ${orList([...new Set(entry.types)])}`)
    // A union whose branches said nothing here: the value fits none of its shapes.
    if (messages.length === 0 && entry.union) messages.push('is not in any accepted form')
    for (const message of messages) issues.push({ path, message })
  }
  return issues
}

/**
 * Renders every error as `{ error: { code, message, details } }`: runtime errors with their
 * status, schema failures as 400 listing every field, and anything else as a 500 whose
 * internals stay in the log.
 */
export function errorHandler(
  error: FastifyError | RuntimeError | Error,
  request: FastifyRequest,
  reply: FastifyReply
): void {
  if (error instanceof RuntimeError) {
    // Another process is refreshing this connection's token: a second later it is there.
    if (error.code === 'lock_timeout') void reply.header('retry-after', '1')
    void reply.status(STATUS_OF[error.code]).send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details })
      }
    } satisfies ErrorBody)
    return
  }
  const fastifyError = error as FastifyError
  if (fastifyError.validation !== undefined) {
    const details = readableIssues(fastifyError.validationContext, fastifyError.validation)
    void reply.status(400).send({
      error: {
        code: 'invalid_request',
        message:
          details.length === 1
            ? `${details[0]?.path ?? 'body'} ${details[0]?.message ?? 'is not valid'}`
            : `${details.length} fields need a change: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
        details
      }
    } satisfies ErrorBody)
    return
  }
  const outage = outageOf(error)
  if (outage !== undefined) {
    // A dependency outage heals by itself: say so, and when to try again. Nothing was half-written (transactions).
    request.log.warn({ err: error.message, dependency: outage }, 'dependency unavailable')
    const what = outage === 'postgres' ? 'its database (PostgreSQL)' : 'its queue and lock store (Redis)'
    void reply
      .status(503)
      .header('retry-after', '5')
      .send({
        error: {
          code: 'unavailable',
          message: `Latchkey cannot reach ${what} right now; try again in a few seconds (GET /readyz shows what is down)`
        }
      } satisfies ErrorBody)
    return
  }
  const status = fastifyError.statusCode ?? 500
  if (status < 500) {
    void reply.status(status).send({
      error: {
        code: fastifyError.code?.toLowerCase().replace(/^fst_err_/, '') ?? 'bad_request',
        message: fastifyError.message
      }
    } satisfies ErrorBody)
    return
  }
  request.log.error({ err: error }, 'unhandled error')
  void reply.status(500).send({
    error: { code: 'internal_error', message: 'Latchkey failed to handle this request; the details are in its log' }
  } satisfies ErrorBody)
}

/**
 * Errors fastify raises before any route runs, in the same `{ error }` shape: a URL whose
 * percent-encoding is not UTF-8 (`/v1/connectors/%ED%A0%80`) is a 400 saying so.
 */
export const frameworkErrors = ((error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send({
      error: {
        code: 'invalid_request',
        message: 'the URL is not valid: a percent-encoded part of it is not UTF-8 text'
      }
    } satisfies ErrorBody)
    return
  }
  request.log.error({ err: error }, 'request refused before routing')
  void reply.status(error.statusCode ?? 400).send({
    error: { code: error.code.toLowerCase().replace(/^fst_err_/, ''), message: error.message }
  } satisfies ErrorBody)
}) as NonNullable<FastifyServerOptions['frameworkErrors']>
