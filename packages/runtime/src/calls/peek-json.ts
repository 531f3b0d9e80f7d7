import { Readable } from 'node:stream'
import type { ApiResponse } from './http-helper.js'

/**
 * Reads up to `maxBytes` of a JSON answer to look at it, and gives back an answer whose
 * body still streams every byte (those read first, then the rest, never consumed twice).
 * `json` is the parsed body, or `undefined` when it is not JSON, not valid, or longer.
 */
export async function peekJson(
  response: ApiResponse,
  maxBytes: number
): Promise<{ response: ApiResponse; json: unknown }> {
  if (!(response.headers['content-type'] ?? '').includes('json')) return { response, json: undefined }
  const iterator = response.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let size = 0
  let done = false
  while (size <= maxBytes) {
    const next = await iterator.next()
    if (next.done === true) {
      done = true
      break
    }
    chunks.push(next.value)
    size += next.value.length
  }
  const bytes = Buffer.concat(chunks)
  // Stopping early must not end the stream: the rest comes from the same iterator.
  const body = done
    ? Readable.from([bytes])
    : Readable.from(
        (async function* () {
          yield bytes
          for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value
        })()
      )
  let json: unknown
  try {
    json = done ? JSON.parse(bytes.toString('utf8')) : undefined
  } catch {
    json = undefined
  }
  return { response: { ...response, body }, json }
}
