import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import aws4 from 'aws4'
import t from 'tap'
import type { Test } from 'tap'
import { aws } from '@latchkey/connector-aws'
import { startSystem } from '@latchkey/test-system'

// The quirky provider cannot check AWS Signature Version 4, so this test stands up its own AWS
// STS: a loopback receiver that recomputes every request's signature with the `aws4` package
// from what it received and the customer's secret, and refuses it as AWS does when they differ.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/programming.html: STS takes GET and POST
// Query requests ("must contain an Action parameter"), and "the response is an XML document".
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html: the sample is
// signed `Credential=<key id>/<date>/<region>/sts/aws4_request` and answered in `text/xml`.

const ACCOUNT = '123456789012'
const KEY_ID = 'AKIAI44QH8DHBEXAMPLE'
const SECRET = 'secret-CANARY-wJalrXUtnFEMI/K7MDENG/bPxRfiCY'
const SESSION_TOKEN = 'session-CANARY-FwoGZXIvYXdzEXAMPLE'
const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

/** One request the receiver got, and what it made of it. */
interface Seen {
  readonly method: string
  /** The Region in the URL (the receiver stands for `sts.<region>.amazonaws.com` under `/regions/<region>`). */
  readonly urlRegion: string
  /** The STS path below it. */
  readonly path: string
  readonly query: Record<string, string>
  /** The form body's fields (POST). */
  readonly form: Record<string, string>
  readonly headers: IncomingHttpHeaders
  /** `<key id>/<date>/<region>/<service>/aws4_request`. */
  readonly scope: string
  readonly signedHeaders: readonly string[]
  /** What the receiver answered: the STS action, or an error code of AWS's. */
  readonly outcome: string
}

function xml(code: number, body: string): { status: number; body: string } {
  return { status: code, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` }
}

// https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html: a signature that does
// not match and an unknown access key are 403s, in the Query protocol's XML error shape.
function stsError(status: number, code: string, message: string): { status: number; body: string } {
  return xml(
    status,
    `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>0c9a1e7e-6a0d-4b1a-9f3e-EXAMPLE</RequestId></ErrorResponse>`
  )
}

// The documented sample answer (an IAM user named Alice).
const CALLER_IDENTITY =
  `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}">\n  <GetCallerIdentityResult>\n` +
  `    <Arn>arn:aws:iam::${ACCOUNT}:user/Alice</Arn>\n    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>\n` +
  `    <Account>${ACCOUNT}</Account>\n  </GetCallerIdentityResult>\n` +
  `  <ResponseMetadata>\n    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n  </ResponseMetadata>\n` +
  `</GetCallerIdentityResponse>`

// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html: the sample answer's shape.
function assumeRoleAnswer(roleArn: string, sessionName: string): string {
  const role = roleArn.split('/').at(-1) ?? ''
  return (
    `<AssumeRoleResponse xmlns="${STS_NAMESPACE}"><AssumeRoleResult><AssumedRoleUser>` +
    `<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${sessionName}</Arn>` +
    `<AssumedRoleId>ARO123EXAMPLE123:${sessionName}</AssumedRoleId></AssumedRoleUser>` +
    `<Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>` +
    `<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>` +
    `<SessionToken>FwoGZXIvYXdzEXAMPLEtemporary</SessionToken><Expiration>2030-01-01T00:15:00Z</Expiration>` +
    `</Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>` +
    `<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>` +
    `</AssumeRoleResponse>`
  )
}

/** `20150830T123600Z` → a Date. */
function parseAmzDate(value: string): Date {
  return new Date(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
}

/**
 * An STS for the tests: `/regions/<region>/…` stands for `https://sts.<region>.amazonaws.com/…`.
 * Every request must carry a SigV4 `Authorization` header whose signature, recomputed with aws4
 * for that Region and the signing name `sts` from the headers it names and the secret of its
 * key, is the one sent; the date must be within 15 minutes (AWS's RequestExpired).
 */
async function startSts(t: Test, secrets: Readonly<Record<string, string>>): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const url = new URL(request.url ?? '/', 'http://sts.invalid')
      const urlRegion = /^\/regions\/([a-z0-9-]+)(\/.*)$/.exec(url.pathname)
      const path = urlRegion?.[2] ?? url.pathname
      const authorization = String(request.headers.authorization ?? '')
      const parsed =
        /^AWS4-HMAC-SHA256 Credential=([^/,]+)\/(\d{8}\/[^/,]+\/[^/,]+\/aws4_request), SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(
          authorization
        )
      const keyId = parsed?.[1] ?? ''
      const signedHeaders = parsed?.[3]?.split(';') ?? []
      const form =
        request.method === 'POST' &&
        String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(body))
          : {}
      const action = url.searchParams.get('Action') ?? form.Action ?? ''
      const answer = ((): { status: number; body: string } => {
        if (parsed === null)
          return stsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token')
        const secret = secrets[keyId]
        if (secret === undefined)
          return stsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
        const amzDate = String(request.headers['x-amz-date'] ?? '')
        const signedAt = parseAmzDate(amzDate)
        if (Number.isNaN(signedAt.getTime()) || Math.abs(Date.now() - signedAt.getTime()) > 15 * 60_000)
          return stsError(400, 'RequestExpired', 'Request has expired.')
        // Sign again what arrived: the named headers as received, the path and query as sent.
        const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name] ?? '')]))
        const signer = new aws4.RequestSigner(
          {
            method: request.method ?? '',
            path: request.url ?? '/',
            headers,
            body,
            service: 'sts',
            region: urlRegion?.[1] ?? 'us-east-1',
            doNotModifyHeaders: true
          },
          { accessKeyId: keyId, secretAccessKey: secret }
        )
        signer.datetime = amzDate
        if (signer.authHeader() !== authorization)
          return stsError(
            403,
            'SignatureDoesNotMatch',
            'The request signature we calculated does not match the signature you provided.'
          )
        if (action === 'GetCallerIdentity') return xml(200, CALLER_IDENTITY)
        if (action === 'AssumeRole') return xml(200, assumeRoleAnswer(form.RoleArn ?? '', form.RoleSessionName ?? ''))
        return stsError(400, 'InvalidAction', `Could not find operation ${action}`)
      })()
      seen.push({
        method: request.method ?? '',
        urlRegion: urlRegion?.[1] ?? '',
        path,
        query: Object.fromEntries(url.searchParams),
        form,
        headers: request.headers,
        scope: parsed === null ? '' : `${keyId}/${parsed[2]}`,
        signedHeaders,
        outcome: answer.status === 200 ? action : (/<Code>([^<]+)<\/Code>/.exec(answer.body)?.[1] ?? '')
      })
      response.writeHead(answer.status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'EXAMPLE' })
      response.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

/** The credential scope a request signed today for this Region must carry. */
function scopeFor(keyId: string, region: string): string {
  return `${keyId}/${new Date().toISOString().slice(0, 10).replace(/-/g, '')}/${region}/sts/aws4_request`
}

t.test('AWS: SigV4-signed STS calls in the Region picked, the session token signed too', async (t) => {
  const system = await startSystem(t)
  const sts = await startSts(t, { [KEY_ID]: SECRET })

  // What the wizard asks for: the Region from a list, the access key, the optional session token.
  const summary = (await system.api('GET', '/v1/connectors/aws')).body
  t.match(summary.schemes[0].inputs, [
    { key: 'accessKeyId', type: 'text', required: true },
    { key: 'secretAccessKey', type: 'password', required: true },
    { key: 'sessionToken', type: 'password', required: false }
  ])
  t.match(summary.parameters, [{ key: 'region', type: 'dropdown', required: true, default: 'us-east-1' }])
  t.same(
    (summary.parameters[0].options as { value: string }[]).map((o) => o.value),
    aws.parameters?.[0]?.options?.map((o) => o.value),
    'every Region of the definition is offered, by its code'
  )
  t.match(summary.verification, { method: 'GET', path: '/', identity: [] }, 'GetCallerIdentity, no identity paths')

  // The tenant's app stands the receiver in for sts.<region>.amazonaws.com, the Region kept in the URL.
  const app = await system.api('PUT', '/v1/connectors/aws/app', {
    overrides: { baseUrl: `${sts.url}/regions/{{parameters.region}}` }
  })
  t.equal(app.status, 200, 'the tenant app points the connector at the test STS')

  // Refused before anything is stored: a Region outside the list, a value that is no access key ID.
  const refused = await system.api('POST', '/v1/connections', {
    connector: 'aws',
    parameters: { region: 'cn-north-1' },
    credentials: { accessKeyId: 'not a key', secretAccessKey: SECRET }
  })
  t.equal(refused.status, 400)
  t.match(refused.body.error.details, [
    { path: 'body.parameters.region', message: /must be one of "us-east-1", "us-east-2"/ },
    { path: 'body.credentials.accessKeyId', message: /must be an AWS access key ID/ }
  ])
  t.equal(sts.seen.length, 0, 'nothing was sent to AWS')

  const created = await system.api('POST', '/v1/connections', {
    connector: 'aws',
    externalId: 'customer-1',
    parameters: { region: 'eu-west-1' },
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN }
  })
  t.equal(created.status, 201, 'connected with the typed-in access key')
  const body = JSON.stringify(created.body)
  t.notOk(body.includes(SECRET) || body.includes(SESSION_TOKEN), 'neither the secret nor the session token is echoed')
  t.match(created.body, { status: 'connected', statusReason: null, verifiedAt: String })
  // STS answers XML ("the response is an XML document"); identity paths read JSON answers only,
  // so Account, Arn and UserId cannot be kept: the verification proves the signature, no more.
  t.same(created.body.account, {}, 'no identity could be read from the XML answer')
  const id = created.body.id as string

  // The verification: GetCallerIdentity as a signed GET, for eu-west-1 and sts, with the session token.
  t.equal(sts.seen.length, 1, 'one verification request')
  const verification = sts.seen[0]
  t.match(verification, {
    method: 'GET',
    urlRegion: 'eu-west-1',
    path: '/',
    outcome: 'GetCallerIdentity',
    scope: scopeFor(KEY_ID, 'eu-west-1')
  })
  t.same(verification?.query, { Action: 'GetCallerIdentity', Version: '2011-06-15' }, 'the documented query')
  t.equal(verification?.headers['x-amz-security-token'], SESSION_TOKEN, 'the session token as X-Amz-Security-Token')
  t.ok(
    ['host', 'x-amz-date', 'x-amz-security-token'].every((h) => verification?.signedHeaders.includes(h)),
    'the host, the date and the session token are signed'
  )

  // A flow's own call, as the documented sample sends it: a form POST to /.
  const call = await system.api('POST', `/v1/connections/${id}/http`, {
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=GetCallerIdentity&Version=2011-06-15'
  })
  t.equal(call.status, 200)
  t.equal(call.body.status, 200, 'STS accepted the signature of a form body')
  t.match(call.body.body, `<Account>${ACCOUNT}</Account>`, 'the XML answer comes back as AWS sent it')
  t.match(sts.seen.at(-1), {
    method: 'POST',
    form: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    outcome: 'GetCallerIdentity'
  })
  t.ok(sts.seen.at(-1)?.signedHeaders.includes('content-type'), 'the content type is signed')

  // The declared actions.
  const identity = await system.api('POST', `/v1/connections/${id}/actions/get_caller_identity`, { input: {} })
  t.equal(identity.status, 200)
  t.equal(identity.body.status, 200)
  t.match(identity.body.output, `<Arn>arn:aws:iam::${ACCOUNT}:user/Alice</Arn>`)
  t.same(sts.seen.at(-1)?.query, { Action: 'GetCallerIdentity', Version: '2011-06-15' })

  const badInput = await system.api('POST', `/v1/connections/${id}/actions/assume_role`, {
    input: { roleArn: `arn:aws:iam::${ACCOUNT}:role/demo`, roleSessionName: 'has spaces', durationSeconds: 60 }
  })
  t.equal(badInput.status, 400, 'AssumeRole input is checked before anything is sent')
  const before = sts.seen.length
  const assumed = await system.api('POST', `/v1/connections/${id}/actions/assume_role`, {
    input: { roleArn: `arn:aws:iam::${ACCOUNT}:role/demo`, roleSessionName: 'flow-run-7', durationSeconds: 900 }
  })
  t.equal(sts.seen.length, before + 1, 'one AssumeRole request')
  t.equal(assumed.status, 200)
  t.equal(assumed.body.status, 200, 'STS accepted the signed AssumeRole')
  t.match(assumed.body.output, '<AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>', 'the temporary credentials')
  t.match(sts.seen.at(-1), { method: 'POST', path: '/', outcome: 'AssumeRole', scope: scopeFor(KEY_ID, 'eu-west-1') })
  t.same(
    sts.seen.at(-1)?.form,
    {
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/demo`,
      RoleSessionName: 'flow-run-7',
      DurationSeconds: '900'
    },
    'the documented form fields; the external ID left out when not given'
  )

  // Another customer in another Region: the URL and the signature follow the Region picked.
  const sydney = await system.api('POST', '/v1/connections', {
    connector: 'aws',
    externalId: 'customer-2',
    parameters: { region: 'ap-southeast-2' },
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET }
  })
  t.match(sydney.body, { status: 'connected', statusReason: null, verifiedAt: String })
  t.match(sts.seen.at(-1), {
    urlRegion: 'ap-southeast-2',
    outcome: 'GetCallerIdentity',
    scope: scopeFor(KEY_ID, 'ap-southeast-2')
  })
  t.notOk(sts.seen.at(-1)?.headers['x-amz-security-token'], 'no session token when none was given')

  // A wrong secret: AWS refuses the signature (403 SignatureDoesNotMatch) and the verification says so.
  const wrong = await system.api('POST', '/v1/connections', {
    connector: 'aws',
    externalId: 'customer-3',
    parameters: { region: 'eu-west-1' },
    credentials: { accessKeyId: KEY_ID, secretAccessKey: 'not-the-secret-CANARY' }
  })
  t.equal(wrong.status, 201)
  t.equal(sts.seen.at(-1)?.outcome, 'SignatureDoesNotMatch')
  t.match(wrong.body, { verifiedAt: null, statusReason: /Verification failed: .*HTTP 403/ })
  t.notOk(JSON.stringify(wrong.body).includes('not-the-secret-CANARY'))
  const refusedCall = await system.api('POST', `/v1/connections/${wrong.body.id as string}/http`, {
    method: 'GET',
    url: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }
  })
  t.equal(refusedCall.body.status, 403)
  t.match(refusedCall.body.body, '<Code>SignatureDoesNotMatch</Code>')

  // Disconnecting deletes the stored key; there is nothing to revoke at AWS.
  const disconnected = await system.api('POST', `/v1/connections/${id}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  t.equal(await system.store.credentials.get(id), undefined, 'the credentials are deleted')
})
