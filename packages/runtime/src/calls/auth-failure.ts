import { Readable } from 'node:stream'
import { readPath } from '@latchkey/connector-sdk'
import type { AuthFailureRule, DeepReadonly } from '@latchkey/connector-sdk'
import type { ApiResponse } from './http-helper.js'

/** The most of an answer read to test it for an auth failure signalled in its body. */
const MAX_INSPECTED_BYTES = 1024 * 1024

/**
 * Reads a JSON answer whose status some auth failure rule names, and tells whether a rule
 * matches. The body is replaced by the bytes read, so the caller still gets all of it.
 */
export async function inspectForAuthFailure(
  response: ApiResponse,
  rules: readonly DeepReadonly<AuthFailureRule>[]
): Promise<{ response: ApiResponse; failed: boolean }> {
  const candidates = rules.filter((rule) => (rule.status ?? 200) === response.status)
  if (candidates.length === 0 || !(response.headers['content-type'] ?? '').includes('json'))
    return { response, failed: false }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length
    chunks.push(chunk as Buffer)
    if (size > MAX_INSPECTED_BYTES) break
  }
  const bytes = Buffer.concat(chunks)
  const rest = size > MAX_INSPECTED_BYTES ? response.body : undefined
  const body =
    rest === undefined
      ? Readable.from([bytes])
      : Readable.from(
          (async function* () {
            yield bytes
            for await (const chunk of rest) yield chunk as Buffer
          })()
        )
  let parsed: unknown
  try {
    parsed = rest === undefined ? JSON.parse(bytes.toString('utf8')) : undefined
  } catch {
    parsed = undefined
  }
  const failed =
    parsed !== undefined &&
    candidates.some((rule) => rule.equals.some((value) => readPath(parsed, rule.path) === value))
  return { response: { ...response, body }, failed }
}
