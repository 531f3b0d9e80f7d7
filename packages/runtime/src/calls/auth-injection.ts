import {
  parsePlaceholders,
  renderTemplate,
  renderTemplateIfComplete,
  resolveTokenPlacement
} from '@latchkey/connector-sdk'
import type { DeepReadonly, HttpDefinition, ResolvedAuthScheme, TemplateValues } from '@latchkey/connector-sdk'
import { signOAuth1 } from '@latchkey/oauth-client'
import type { OAuth1Consumer } from '@latchkey/oauth-client'
import type { CurrentToken } from '../credentials/credential-service.js'
import { RuntimeError } from '../errors.js'
import { signAwsRequest } from './aws-signature.js'

/** What goes on one API call to authenticate it. */
export interface Injected {
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>
  readonly query: readonly (readonly [string, string])[]
  /** Fields merged into the JSON object body (an API key in the body). */
  readonly body: Readonly<Record<string, string>>
}

/**
 * The credential a call carries: the stored access token, for typed-in schemes what was
 * typed, and for OAuth 1.0a the consumer that signs with the token.
 */
export type CallCredential = Pick<CurrentToken, 'tokens' | 'credentials'> & {
  readonly consumer?: OAuth1Consumer | undefined
}

/** Where a scheme puts its credential, known before any call: the slots callers cannot fill. */
export interface Injection {
  /** Lower-case headers Latchkey sets. */
  readonly headers: ReadonlySet<string>
  /** Query params Latchkey sets. */
  readonly query: ReadonlySet<string>
  /** Whether the credential goes in the JSON body (such calls need one). */
  readonly inBody: boolean
  /** The headers, query params and body fields for one call. */
  readonly inject: (credential: CallCredential, values: TemplateValues) => Injected
  /**
   * Signs the request as it will be sent (AWS Signature V4): the headers to add. Such
   * calls need their body in memory, to hash it.
   */
  readonly sign?: (request: SignedRequest, credential: CallCredential, values: TemplateValues) => Record<string, string>
}

/** A request as it goes out, for schemes that sign it. */
export interface SignedRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Buffer | undefined
}

/** The fields of a form-encoded body, which OAuth 1.0a signs (RFC 5849 §3.4.1.3.1); other bodies are not signed. */
function formFields(request: SignedRequest): Record<string, string | string[]> | undefined {
  const type = request.headers['content-type'] ?? ''
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded') || request.body === undefined)
    return undefined
  const text = typeof request.body === 'string' ? request.body : request.body.toString('utf8')
  const fields: Record<string, string | string[]> = {}
  for (const [name, value] of new URLSearchParams(text)) {
    const known = fields[name]
    fields[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value]
  }
  return fields
}

const NOTHING: Injected = Object.freeze({ headers: {}, query: [], body: Object.freeze({}) })

const NO_BODY: Readonly<Record<string, string>> = Object.freeze({})

/** Whether a template reads the time, so that what it renders to cannot be kept. */
function readsTime(template: string): boolean {
  return parsePlaceholders(template).placeholders.some((p) => p.references.some((r) => r.namespace === 'now'))
}

/**
 * Where the credential goes on API calls, for every scheme: the OAuth token as
 * `http.tokenPlacement` says; typed-in credentials wherever the scheme's `send` puts them
 * (headers, query, JSON body, Basic), rendered with what was typed in, the parameters and
 * the config values. Rendered once per credential and values unless a template reads the time.
 */
export function injectionFor(scheme: ResolvedAuthScheme, http: HttpPart | undefined): Injection {
  const known = injections.get(scheme)
  if (known !== undefined && known.http === http) return known.injection
  const injection = buildInjection(scheme, http)
  injections.set(scheme, { http, injection })
  return injection
}

/** Built once per resolved scheme (handles resolve theirs once). */
const injections = new WeakMap<ResolvedAuthScheme, { http: HttpPart | undefined; injection: Injection }>()

/** What of `http` decides where an OAuth token goes. */
type HttpPart = Pick<DeepReadonly<HttpDefinition>, 'tokenPlacement'>

function buildInjection(scheme: ResolvedAuthScheme, http: HttpPart | undefined): Injection {
  if (scheme.kind === 'awsSigV4') {
    return {
      headers: new Set(['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']),
      query: new Set(['X-Amz-Signature', 'X-Amz-Credential']),
      inBody: false,
      inject: () => NOTHING,
      sign: (request, { credentials }, values) => {
        const region = renderTemplate(scheme.region, values)
        if (!/^[a-z0-9-]{1,32}$/.test(region))
          throw new RuntimeError('not_declared', `the AWS region ${JSON.stringify(region)} is not a region name`)
        return signAwsRequest(
          request,
          { region, service: scheme.service },
          {
            accessKeyId: credentials?.accessKeyId ?? '',
            secretAccessKey: credentials?.secretAccessKey ?? '',
            sessionToken: credentials?.sessionToken
          }
        )
      }
    }
  }
  if (scheme.kind === 'oauth1') {
    return {
      headers: new Set(['authorization']),
      query: new Set(['oauth_token', 'oauth_signature']),
      inBody: false,
      inject: () => NOTHING,
      sign: (request, { tokens, credentials, consumer }) => {
        if (consumer === undefined) throw new TypeError('an OAuth 1.0a call needs its consumer')
        return {
          authorization: signOAuth1(
            { method: request.method, url: request.url.href, form: formFields(request) },
            consumer,
            { token: tokens.accessToken, secret: credentials?.oauthTokenSecret ?? '' }
          )
        }
      }
    }
  }
  // OAuth tokens, JWT bearer tokens and token exchanges' session tokens.
  if (scheme.kind === 'oauth2' || scheme.kind === 'tokenExchange' || scheme.kind === 'jwtBearer') {
    const placement = resolveTokenPlacement(http?.tokenPlacement)
    const name = placement.in === 'header' ? placement.name.toLowerCase() : placement.name
    return {
      headers: new Set(placement.in === 'header' ? [name] : []),
      query: new Set(placement.in === 'query' ? [name] : []),
      inBody: false,
      inject: ({ tokens: { accessToken } }) =>
        placement.in === 'header'
          ? { headers: { [name]: `${placement.prefix}${accessToken}` }, query: [], body: NO_BODY }
          : { headers: {}, query: [[name, accessToken]], body: NO_BODY }
    }
  }
  const send = scheme.send
  const cacheable = !send.some((p) =>
    p.in === 'basic' ? readsTime(p.username) || readsTime(p.password) : readsTime(p.value)
  )
  const rendered = new WeakMap<object, { values: TemplateValues; injected: Injected }>()
  const render = (credential: CallCredential, values: TemplateValues): Injected => {
    const scope: TemplateValues = { ...values, credentials: credential.credentials ?? {} }
    const headers: Record<string, string> = {}
    const query: [string, string][] = []
    const body: Record<string, string> = {}
    for (const placement of send) {
      if (placement.in === 'basic') {
        const user = renderTemplate(placement.username, scope)
        const password = placement.password === '' ? '' : (renderTemplateIfComplete(placement.password, scope) ?? '')
        headers.authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
      } else {
        const value = renderTemplate(placement.value, scope)
        if (placement.in === 'header') headers[placement.name.toLowerCase()] = value
        else if (placement.in === 'query') query.push([placement.name, value])
        else body[placement.name] = value
      }
    }
    return { headers, query, body: Object.keys(body).length === 0 ? NO_BODY : body }
  }
  return {
    headers: new Set(
      send.flatMap((p) => (p.in === 'basic' ? ['authorization'] : p.in === 'header' ? [p.name.toLowerCase()] : []))
    ),
    query: new Set(send.flatMap((p) => (p.in === 'query' ? [p.name] : []))),
    inBody: send.some((p) => p.in === 'body'),
    inject: (credential, values) => {
      if (!cacheable) return render(credential, values)
      const known = rendered.get(credential)
      if (known?.values === values) return known.injected
      const injected = render(credential, values)
      rendered.set(credential, { values, injected })
      return injected
    }
  }
}
