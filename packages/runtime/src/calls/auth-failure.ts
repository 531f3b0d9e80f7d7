import { readPath } from '@latchkey/connector-sdk'
import type { AuthFailureRule, DeepReadonly } from '@latchkey/connector-sdk'
import type { ApiResponse } from './http-helper.js'
import { peekJson } from './peek-json.js'

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
  const { response: replayable, json: parsed } = await peekJson(response, MAX_INSPECTED_BYTES)
  const failed =
    parsed !== undefined &&
    candidates.some((rule) => rule.equals.some((value) => readPath(parsed, rule.path) === value))
  return { response: replayable, failed }
}
