import { createHash } from 'node:crypto'
import aws4 from 'aws4'

/** An AWS access key, and the session token that comes with temporary credentials. */
export interface AwsCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string | undefined
}

/** Where a signature is valid: the region and the service's signing name (`s3`, `execute-api`, …). */
export interface AwsSigningTarget {
  readonly region: string
  readonly service: string
}

/** `2015-08-30T12:36:00.000Z` as SigV4 writes it: `20150830T123600Z`. */
function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '')
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value
  return out
}

/**
 * Signs one request with AWS Signature Version 4 (in the `Authorization` header). Returns the lower-case headers to
 * add, which replace any of the same name: `authorization`, `x-amz-date`, `x-amz-content-sha256` for S3 (the body's
 * hash: an unsigned payload is never used) and `x-amz-security-token` when a non-empty session token is given.
 * The signature covers `host` (the URL's, port included), those headers, and every header passed in that SigV4
 * signs (all but `user-agent`, `connection`, `expect`, `range` and a few more). Never mutates its inputs.
 */
export function signAwsRequest(
  request: { method: string; url: URL; headers: Readonly<Record<string, string>>; body: string | Buffer | undefined },
  target: AwsSigningTarget,
  credentials: AwsCredentials,
  now: Date = new Date()
): Record<string, string> {
  const date = amzDate(now)
  const added: Record<string, string> = { 'x-amz-date': date }
  if (target.service === 's3') added['x-amz-content-sha256'] = sha256Hex(request.body ?? '')
  if (credentials.sessionToken) added['x-amz-security-token'] = credentials.sessionToken

  const signer = new aws4.RequestSigner(
    {
      method: request.method,
      path: `${request.url.pathname}${request.url.search}`,
      headers: { ...lowerCased(request.headers), ...added, host: request.url.host },
      body: request.body,
      service: target.service,
      region: target.region,
      // Sign exactly the headers above: aws4 adds no Content-Type or Content-Length of its own.
      doNotModifyHeaders: true
    },
    { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }
  )
  // With `doNotModifyHeaders` aws4 does not read `x-amz-date`, so it is given the same time directly.
  signer.datetime = date
  return { authorization: signer.authHeader(), ...added }
}
