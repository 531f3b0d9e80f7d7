import type { ApiResponse } from './http-helper.js'
import { RuntimeError } from '../errors.js'

/** The largest provider answer read into memory (the proxy streams without this limit). */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024

/** Reads a provider's answer into `{ status, headers, body }`: JSON parsed when it says so, text otherwise. */
export async function readAnswer(
  response: ApiResponse
): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length
    if (size > MAX_ANSWER_BYTES) {
      response.body.destroy()
      throw new RuntimeError(
        'answer_too_large',
        `the answer is larger than ${MAX_ANSWER_BYTES} bytes; use the proxy route to stream it`
      )
    }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  let body: unknown = text
  if ((response.headers['content-type'] ?? '').includes('json') && text !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  return { status: response.status, headers: response.headers, body }
}
