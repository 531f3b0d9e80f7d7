import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import t from 'tap'
import { defineConnector } from '@latchkey/connector-sdk'
import { signAwsRequest } from '../../src/calls/aws-signature.js'
import { startRuntime } from '../helpers.js'

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Buffer
}

/**
 * An API that checks every request's Signature V4 the way AWS does: it signs what it
 * received with the customer's secret and compares (the signer itself is checked against
 * AWS's published vectors in aws-signature.test.ts).
 */
t.test('AWS Signature V4: every call signed as sent, the session token included, a wrong secret refused', async (t) => {
  const received: Received[] = []
  const secrets: Record<string, string> = { AKIDEXAMPLE: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      const authorization = String(request.headers.authorization ?? '')
      const keyId = /Credential=([^/]+)\//.exec(authorization)?.[1] ?? ''
      const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? []
      const headers = Object.fromEntries(
        signed.filter((name) => name !== 'host').map((name) => [name, String(request.headers[name] ?? '')])
      )
      const expected = signAwsRequest(
        {
          method: request.method ?? '',
          url: new URL(request.url ?? '/', `http://${request.headers.host ?? ''}`),
          headers,
          body: body.length === 0 ? undefined : body
        },
        { region: 'eu-west-1', service: 'execute-api' },
        {
          accessKeyId: keyId,
          secretAccessKey: secrets[keyId] ?? 'unknown',
          sessionToken: request.headers['x-amz-security-token'] as string | undefined
        },
        new Date(
          String(request.headers['x-amz-date']).replace(
            /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
            '$1-$2-$3T$4:$5:$6Z'
          )
        )
      )
      const ok = authorization !== '' && expected.authorization === authorization
      response.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify(ok ? { ok: true } : { message: 'The request signature we calculated does not match' })
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { runtime, tenantId } = await startRuntime(t, {
    connectors: [
      defineConnector({
        key: 'gateway',
        name: 'An API Gateway API',
        version: '1.0.0',
        parameters: [
          {
            key: 'region',
            label: 'Region',
            type: 'dropdown',
            options: [{ value: 'eu-west-1' }, { value: 'us-east-1' }]
          }
        ],
        auth: { kind: 'awsSigV4', region: '{{parameters.region}}', service: 'execute-api', sessionToken: true },
        http: {
          baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`,
          headers: { 'X-Trace': 'static' },
          query: { stage: 'v1' }
        },
        verification: { path: '/health' }
      })
    ]
  })
  const summary = await runtime.connectors.get(tenantId, 'gateway')
  t.same(
    summary.schemes[0]?.inputs.map((input) => [input.key, input.type, input.required]),
    [
      ['accessKeyId', 'text', true],
      ['secretAccessKey', 'password', true],
      ['sessionToken', 'password', false]
    ]
  )
  const connection = await runtime.connections.create(tenantId, {
    connector: 'gateway',
    parameters: { region: 'eu-west-1' },
    credentials: {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      sessionToken: 'session-CANARY'
    }
  })
  t.match(connection, { status: 'connected', verifiedAt: String }, 'the verification request was signed and accepted')

  const get = await runtime.http.call(tenantId, connection.id, {
    method: 'GET',
    url: '/items',
    query: { b: '2', a: '1' }
  })
  get.body.resume()
  t.equal(get.status, 200, 'a GET with a query, a static header and a static query param')
  const stream = await runtime.http.call(tenantId, connection.id, {
    method: 'POST',
    url: '/items',
    headers: { 'content-type': 'application/json' },
    body: Readable.from([Buffer.from('{"name":'), Buffer.from('"a streamed body"}')])
  })
  stream.body.resume()
  t.equal(stream.status, 200, 'a streamed body, read and hashed before signing')
  const last = received.at(-1)
  t.equal(last?.body.toString('utf8'), '{"name":"a streamed body"}')
  t.equal(last?.headers['x-amz-security-token'], 'session-CANARY')
  t.match(
    String(last?.headers.authorization),
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[^ ]*x-amz-security-token/
  )

  await t.rejects(
    runtime.http.call(tenantId, connection.id, {
      method: 'GET',
      url: '/items',
      headers: { 'X-Amz-Date': '20000101T000000Z' }
    }),
    {
      code: 'invalid_request',
      details: [{ path: 'body.headers.X-Amz-Date', message: /where Latchkey puts the credential/ }]
    }
  )

  // A body is hashed before it is signed, so it is read first: at most 10 MiB.
  const calls = received.length
  await t.rejects(
    runtime.http.call(tenantId, connection.id, {
      method: 'PUT',
      url: '/items/big',
      body: Readable.from([Buffer.alloc(6 * 1024 * 1024), Buffer.alloc(6 * 1024 * 1024)])
    }),
    {
      code: 'invalid_request',
      details: [{ path: 'body.body', message: 'must be at most 10485760 bytes: this connector signs every body' }]
    }
  )
  t.equal(received.length, calls, 'nothing was sent')

  // A wrong secret: the API refuses the signature, and the connection says so.
  const wrong = await runtime.connections.create(tenantId, {
    connector: 'gateway',
    parameters: { region: 'eu-west-1' },
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-the-secret' }
  })
  const refused = await runtime.http.call(tenantId, wrong.id, { method: 'GET', url: '/items' })
  refused.body.resume()
  t.equal(refused.status, 403)
  t.notOk(JSON.stringify(await runtime.connections.get(tenantId, wrong.id)).includes('not-the-secret'))
})
