import { Writable } from 'node:stream'
import t from 'tap'
import { pino } from 'pino'
import type { LoggerOptions } from 'pino'
import { redactedLogOptions } from '@latchkey/runtime'

t.test("the worker's logger redacts like the API's: secrets in objects, start tokens in messages", async (t) => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    }
  })
  const logger = pino(redactedLogOptions('info') as LoggerOptions, stream)
  logger.info({ job: { apiKey: 'key-canary', accessToken: 'token-canary', secret: 'whsec_canary' } }, 'ran a job')
  logger.warn('retrying /oauth/start/start-token-canary?code=code-canary')
  const text = lines.join('')
  t.match(text, /ran a job/)
  t.match(text, /\[redacted\]/)
  for (const canary of ['key-canary', 'token-canary', 'whsec_canary', 'start-token-canary'])
    t.notOk(text.includes(canary), `${canary} is not in the log`)
})
