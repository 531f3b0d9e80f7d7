import { Readable } from 'node:stream'
import t from 'tap'
import { peekJson } from '../../src/index.js'

const answer = (chunks: string[], type = 'application/json') => ({
  status: 200,
  headers: { 'content-type': type },
  body: Readable.from(chunks.map((chunk) => Buffer.from(chunk)))
})
const text = async (body: Readable) => {
  let all = ''
  for await (const chunk of body) all += (chunk as Buffer).toString('utf8')
  return all
}

t.test('a short JSON body is parsed and still handed on whole', async (t) => {
  const peeked = await peekJson(answer(['{"error":', '{"message":"retry in 3s"}}']), 1024)
  t.same(peeked.json, { error: { message: 'retry in 3s' } })
  t.equal(await text(peeked.response.body), '{"error":{"message":"retry in 3s"}}')
})

t.test('a body longer than the peek is not parsed, and every byte still streams', async (t) => {
  const chunks = ['[', ...Array.from({ length: 40 }, () => `"${'x'.repeat(64 * 1024)}",`), '0]']
  const peeked = await peekJson(answer(chunks), 1024 * 1024)
  t.equal(peeked.json, undefined)
  const all = await text(peeked.response.body)
  t.equal(all.length, chunks.join('').length, 'nothing lost past the peek')
  t.equal(all, chunks.join(''))
})

t.test('not JSON: not read at all', async (t) => {
  const original = answer(['<html>'], 'text/html')
  const peeked = await peekJson(original, 1024)
  t.equal(peeked.response, original)
  t.equal(peeked.json, undefined)
  t.same((await peekJson(answer(['{bad']), 1024)).json, undefined, 'invalid JSON')
})
