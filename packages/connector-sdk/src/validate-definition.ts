import Type from 'typebox'
import { Value } from 'typebox/value'
import type { Issue } from './errors.js'
import { closest, formatSchemaErrors, joinPath } from './format-issues.js'
import { checkIcon } from './icon.js'
import {
  API_KEY_PLACEHOLDER,
  BUILT_IN_CREDENTIALS,
  CLIENT_CERTIFICATE_KEYS,
  SERVICE_ACCOUNT_FIELDS,
  defaultSchemeKey
} from './normalize.js'
import {
  ApiKeySchema,
  BasicAuthSchema,
  ConnectorDefinitionSchema,
  OAuth2AuthorizationCodeSchema,
  OAuth2ClientCredentialsSchema,
  AwsSigV4Schema,
  JwtBearerSchema,
  OAuth1Schema,
  TokenExchangeSchema
} from './schema.js'
import type { AuthSchemeDefinition } from './schema.js'
import type { ConnectorDefinitionInput, ConnectorDefinitionJson } from './schema.js'
import { NOW_KEYS, PLACEHOLDER_NAMESPACES, parsePlaceholders, placeholderParts, sampleValueFor } from './template.js'
import type { PlaceholderNamespace, Reference } from './template.js'
import { checkEndpointUrl } from './url-policy.js'
import { isPort } from './parameters.js'
import { checkActions } from './validate-actions.js'
import { coveredScopes } from './scopes.js'
import { HEADER_NAME, isObject, recordOf, strings } from './json-shape.js'
import type { Json } from './json-shape.js'

/** Options of {@link validateConnectorDefinition}. */
export interface ValidateOptions {
  /**
   * Accept `compute` functions in config values. `true` for definitions written in code,
   * `false` for definitions received as JSON (the API).
   * @defaultValue `false`
   */
  readonly allowFunctions?: boolean
}

/** The outcome of {@link validateConnectorDefinition}. */
export type ValidationResult<T = ConnectorDefinitionJson> =
  | { readonly ok: true; readonly definition: T; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/** Auth kinds and, for OAuth 2.0, grants that Latchkey understands. */
const AUTH_SCHEMAS = {
  'oauth2:authorization_code': OAuth2AuthorizationCodeSchema,
  'oauth2:client_credentials': OAuth2ClientCredentialsSchema,
  apiKey: ApiKeySchema,
  basic: BasicAuthSchema,
  tokenExchange: TokenExchangeSchema,
  awsSigV4: AwsSigV4Schema,
  jwtBearer: JwtBearerSchema,
  oauth1: OAuth1Schema
} as const

/** The definition schema with `auth` left open, so the union is dispatched by hand for clear errors. */
const SHELL_SCHEMA = Type.Object(
  { ...ConnectorDefinitionSchema.properties, auth: Type.Unknown() },
  { additionalProperties: false }
)

/** Authorize params Latchkey sets itself; a definition cannot override them. */
const RESERVED_AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope'
]
/** Token and refresh params Latchkey sets itself. */
const RESERVED_TOKEN_PARAMS = [
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'client_id',
  'client_secret',
  'refresh_token'
]
/** Callback params that belong to the protocol and are never kept as metadata. */
const PROTOCOL_CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss']

/** What placeholders may refer to, collected from the definition. */
interface Scope {
  parameters: Set<string>
  config: Set<string>
  metadata: Set<string>
  client: Set<string>
  account: Set<string>
  /** What some typed-in scheme asks for (`apiKey`, `username`, `password`, extra fields). */
  credentials: Set<string>
  now: Set<string>
  /** The input properties of the action being checked. */
  input: Set<string>
  /** Parameters typed as ports, which may stand after a host. */
  ports: Set<string>
}

/** Where each namespace can be used, for the sentence shown when it is used elsewhere. */
const WHERE_USABLE: Partial<Record<PlaceholderNamespace, string>> = {
  client: 'revokeUrl',
  account: 'http.baseUrl, http.headers and http.query',
  credentials: "a scheme's send or its fixed user name or password, and http.headers and http.query",
  now: 'header, query and body values',
  input: "an action's path, query, headers and body"
}

export class Checker {
  readonly issues: Issue[] = []
  constructor(readonly scope: Scope) {}

  add(path: string, message: string): void {
    this.issues.push({ path, message })
  }

  /**
   * Checks that every placeholder is well formed, allowed here, and declared.
   * @param credentials what `{{credentials.*}}` may name here, when narrower than every scheme's (a scheme's own placements).
   */
  placeholders(
    path: string,
    template: string,
    allowed: readonly PlaceholderNamespace[],
    options: { credentials?: ReadonlySet<string>; url?: boolean } = {}
  ): boolean {
    const { placeholders, problems } = parsePlaceholders(template)
    for (const problem of problems) this.add(path, problem)
    let ok = problems.length === 0
    for (const placeholder of placeholders) {
      if (placeholder.call !== undefined && options.url === true) {
        this.add(path, `placeholder {{${placeholder.name}}}: functions are not available in URLs`)
        ok = false
        continue
      }
      for (const p of placeholder.references) ok = this.reference(path, p, allowed, options.credentials) && ok
    }
    return ok
  }

  private reference(
    path: string,
    p: Reference,
    allowed: readonly PlaceholderNamespace[],
    credentials: ReadonlySet<string> | undefined
  ): boolean {
    if (!(PLACEHOLDER_NAMESPACES as readonly string[]).includes(p.namespace)) {
      this.add(path, `placeholder {{${p.name}}} has an unknown namespace "${p.namespace}"; use ${allowed.join(', ')}`)
      return false
    }
    const namespace = p.namespace as PlaceholderNamespace
    if (!allowed.includes(namespace)) {
      const where = WHERE_USABLE[namespace]
      this.add(
        path,
        where === undefined
          ? `placeholder {{${p.name}}} is not available here: ${namespace} values are only known after the connection is made (use it in http.baseUrl or http.headers)`
          : `placeholder {{${p.name}}} is only available in ${where}`
      )
      return false
    }
    const known = namespace === 'credentials' ? (credentials ?? this.scope.credentials) : this.scope[namespace]
    // An input placeholder may read into an object input (`{{input.filter.status}}`).
    if (known.has(namespace === 'input' ? (p.key.split('.')[0] ?? '') : p.key)) return true
    const noun = {
      parameters: 'parameter',
      config: 'config value',
      metadata: 'kept token field or callback param',
      client: 'client field (only {{client.id}} exists)',
      account: 'verification.identity field',
      credentials: credentials === undefined ? 'credential of any scheme' : 'credential this scheme asks for',
      now: 'time (iso, epochSeconds or epochMilliseconds)',
      input: "property of the action's input"
    }[namespace]
    const suggestion = closest(p.key, [...known])
    this.add(
      path,
      `placeholder {{${p.name}}} is not a declared ${noun}${suggestion === undefined ? '' : `; did you mean {{${namespace}.${suggestion}}}?`}`
    )
    return false
  }

  /** Checks a URL template: its placeholders, then the URL it renders to with sample values. */
  url(path: string, template: unknown, allowed: readonly PlaceholderNamespace[]): void {
    if (typeof template !== 'string' || template === '') return
    if (!this.placeholders(path, template, allowed, { url: true })) return
    let sample = template
    for (const { placeholder, part } of placeholderParts(template).reverse()) {
      const port = placeholder.namespace === 'parameters' && this.scope.ports.has(placeholder.key)
      sample =
        sample.slice(0, placeholder.start) + (port ? '443' : sampleValueFor(part)) + sample.slice(placeholder.end)
    }
    const problem = checkEndpointUrl(sample)
    if (problem !== undefined) this.add(path, problem.replace(JSON.stringify(sample), JSON.stringify(template)))
  }

  /** Checks a map of extra request params or headers. */
  values(
    path: string,
    map: unknown,
    allowed: readonly PlaceholderNamespace[],
    options: { reserved?: readonly string[]; headers?: boolean; credentials?: ReadonlySet<string> }
  ): void {
    for (const [name, value] of Object.entries(recordOf(map))) {
      const at = joinPath(path, name)
      if (options.reserved?.includes(name)) this.add(at, `is set by Latchkey itself and cannot be overridden`)
      if (options.headers === true) {
        if (!HEADER_NAME.test(name)) this.add(at, 'is not a valid header name')
        if (/[\r\n]/.test(value)) this.add(at, 'must not contain line breaks')
      }
      this.placeholders(at, value, allowed, options)
    }
  }
}

/** The schemes of `auth` with their paths: one object, or a list. */
function schemesOf(auth: unknown): { at: string; scheme: Json }[] {
  if (Array.isArray(auth))
    return auth.flatMap((scheme, index) => (isObject(scheme) ? [{ at: joinPath('auth', index), scheme }] : []))
  return isObject(auth) ? [{ at: 'auth', scheme: auth }] : []
}

function collectScope(input: Json): Scope {
  const metadata = new Set<string>()
  for (const { scheme } of schemesOf(input.auth)) {
    const tokenResponse = isObject(scheme.tokenResponse) ? scheme.tokenResponse : {}
    for (const name of [...strings(tokenResponse.keepFields), ...strings(scheme.callbackParams)]) metadata.add(name)
  }
  const keys = (list: unknown): Set<string> =>
    new Set(
      Array.isArray(list)
        ? list
            .filter(isObject)
            .map((item) => item.key)
            .filter((k): k is string => typeof k === 'string')
        : []
    )
  const credentials = new Set<string>()
  for (const { scheme } of schemesOf(input.auth)) for (const key of credentialsOf(scheme)) credentials.add(key)
  const parameters = keys(input.parameters)
  const ports = new Set<string>()
  for (const parameter of Array.isArray(input.parameters) ? input.parameters.filter(isObject) : []) {
    if (typeof parameter.key !== 'string') continue
    if (parameter.type === 'port') ports.add(parameter.key)
    for (const name of lookupNames(parameter)) parameters.add(`${parameter.key}.${name}`)
  }
  return {
    parameters,
    ports,
    credentials,
    now: new Set(NOW_KEYS),
    input: new Set(),
    config: keys(input.configValues),
    metadata,
    client: new Set(['id']),
    account: new Set(
      verificationSteps(input.verification).flatMap(({ step }) =>
        isObject(step.identity) ? Object.keys(step.identity) : []
      )
    )
  }
}

/** The credentials a typed-in scheme asks for or fixes: `{{credentials.*}}` in its placements. */
function credentialsOf(scheme: Json): string[] {
  const fields = Array.isArray(scheme.fields)
    ? scheme.fields.filter(isObject).flatMap((field) => (typeof field.key === 'string' ? [field.key] : []))
    : []
  if (scheme.kind === 'apiKey') return ['apiKey', ...fields]
  if (scheme.kind === 'basic') return ['username', 'password', ...fields]
  if (scheme.kind === 'awsSigV4')
    return ['accessKeyId', 'secretAccessKey', ...(scheme.sessionToken === true ? ['sessionToken'] : [])]
  if (scheme.kind === 'jwtBearer') return scheme.serviceAccount === true ? [...SERVICE_ACCOUNT_FIELDS] : fields
  return scheme.kind === 'tokenExchange' ? fields : []
}

/** The lookup values every option of a dropdown names (`{{parameters.<key>.<name>}}`). */
function lookupNames(parameter: Json): string[] {
  const options = Array.isArray(parameter.options) ? parameter.options.filter(isObject) : []
  const named = options.map((option) => (isObject(option.values) ? Object.keys(option.values) : []))
  if (named.length === 0 || named.every((names) => names.length === 0)) return []
  return (named[0] ?? []).filter((name) => named.every((names) => names.includes(name)))
}

function checkParameters(check: Checker, parameters: unknown): void {
  if (!Array.isArray(parameters)) return
  const seen = new Set<string>()
  parameters.forEach((parameter, index) => {
    if (!isObject(parameter)) return
    const at = joinPath('parameters', index)
    if (typeof parameter.key === 'string') {
      if (seen.has(parameter.key)) check.add(joinPath(at, 'key'), `"${parameter.key}" is declared twice`)
      seen.add(parameter.key)
    }
    const type = parameter.type ?? 'text'
    const options = Array.isArray(parameter.options) ? parameter.options.filter(isObject) : undefined
    if (type === 'dropdown' && options === undefined) check.add(joinPath(at, 'options'), 'is required for a dropdown')
    if (type !== 'dropdown' && parameter.options !== undefined)
      check.add(joinPath(at, 'options'), 'is only allowed for a dropdown')
    let pattern: RegExp | undefined
    if (typeof parameter.pattern === 'string') {
      try {
        pattern = new RegExp(`^(?:${parameter.pattern})$`, 'u')
      } catch (error) {
        check.add(joinPath(at, 'pattern'), `is not a valid regular expression (${(error as Error).message})`)
      }
      if (type === 'dropdown')
        check.add(joinPath(at, 'pattern'), 'is not allowed for a dropdown; its options are the allowed values')
    }
    if (typeof parameter.default === 'string') {
      if (pattern !== undefined && !pattern.test(parameter.default))
        check.add(joinPath(at, 'default'), 'does not match the pattern')
      if (options !== undefined && !options.some((o) => o.value === parameter.default))
        check.add(joinPath(at, 'default'), 'is not one of the options')
    }
    if (options !== undefined) {
      const values = new Set<unknown>()
      options.forEach((option, i) => {
        if (values.has(option.value))
          check.add(joinPath(at, 'options', i, 'value'), `${JSON.stringify(option.value)} is listed twice`)
        values.add(option.value)
        const names = isObject(option.values) ? Object.keys(option.values) : []
        const missing = [...new Set(options.flatMap((o) => (isObject(o.values) ? Object.keys(o.values) : [])))].filter(
          (name) => !names.includes(name)
        )
        if (missing.length > 0)
          check.add(
            joinPath(at, 'options', i, 'values'),
            `must name ${missing.map((name) => JSON.stringify(name)).join(', ')} like the other options (a lookup value every option gives)`
          )
      })
    }
    if (type === 'port') {
      if (parameter.pattern !== undefined)
        check.add(joinPath(at, 'pattern'), 'is not used for a port; any of 1 to 65535 is accepted')
      if (typeof parameter.default === 'string' && !isPort(parameter.default))
        check.add(joinPath(at, 'default'), 'must be a port, 1 to 65535')
    }
  })
}

function checkConfigValues(check: Checker, configValues: unknown, computed: ReadonlySet<number>): void {
  if (!Array.isArray(configValues)) return
  const seen = new Set<string>()
  configValues.forEach((config, index) => {
    if (!isObject(config)) return
    const at = joinPath('configValues', index)
    if (typeof config.key === 'string') {
      if (seen.has(config.key)) check.add(joinPath(at, 'key'), `"${config.key}" is declared twice`)
      seen.add(config.key)
    }
    const hasValue = config.value !== undefined
    const hasCompute = computed.has(index)
    if (hasValue && hasCompute) check.add(at, 'must have either "value" or "compute", not both')
    if (!hasValue && !hasCompute) check.add(joinPath(at, 'value'), 'is required (or, in code, a "compute" function)')
  })
}

/** `scopeIncludes` names declared scopes only, and no scope includes itself. */
function checkScopeIncludes(check: Checker, auth: Json, declared: readonly string[], at: string): void {
  if (!isObject(auth.scopeIncludes)) return
  const includes: Record<string, string[]> = {}
  for (const [wider, narrower] of Object.entries(auth.scopeIncludes)) includes[wider] = strings(narrower)
  const undeclared = (scope: string, path: string): void => {
    if (declared.length === 0 || declared.includes(scope)) return
    const suggestion = closest(scope, declared)
    check.add(
      path,
      `"${scope}" is not a declared scope${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`
    )
  }
  for (const [wider, narrower] of Object.entries(includes)) {
    undeclared(wider, joinPath(at, 'scopeIncludes', wider))
    narrower.forEach((scope, index) => undeclared(scope, joinPath(at, 'scopeIncludes', wider, index)))
    if (coveredScopes(narrower, includes).has(wider))
      check.add(joinPath(at, 'scopeIncludes', wider), `"${wider}" cannot include itself, directly or through others`)
  }
}

function checkScopes(check: Checker, auth: Json, at: string): void {
  const declared = isObject(auth.scopes) ? Object.keys(auth.scopes) : []
  const delimiter = auth.scopeDelimiter === ',' ? ',' : ' '
  for (const name of declared) {
    if (/\s/.test(name) || name.includes(delimiter)) {
      check.add(
        joinPath(at, 'scopes', name),
        `a scope name cannot contain white space or the delimiter ${JSON.stringify(delimiter)}`
      )
    }
  }
  strings(auth.defaultScopes).forEach((scope, index) => {
    if (declared.length > 0 && !declared.includes(scope)) {
      const suggestion = closest(scope, declared)
      check.add(
        joinPath(at, 'defaultScopes', index),
        `"${scope}" is not a declared scope${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`
      )
    }
  })
  checkScopeIncludes(check, auth, declared, at)
  if (auth.customerSelectsScopes === true && declared.length === 0) {
    check.add(
      joinPath(at, 'customerSelectsScopes'),
      `needs ${joinPath(at, 'scopes')} to list the scopes customers can pick from`
    )
  }
  const offline = isObject(auth.offlineAccess) ? auth.offlineAccess : {}
  if (typeof offline.scope === 'string' && (/\s/.test(offline.scope) || offline.scope.includes(delimiter))) {
    check.add(joinPath(at, 'offlineAccess', 'scope'), 'must be a single scope')
  }
}

/** A resource that names its authorization server, and a client registered there (RFC 9728, RFC 7591). */
function checkClientRegistration(check: Checker, auth: Json, path: (...segments: string[]) => string): void {
  if (auth.protectedResource !== undefined && auth.issuer !== undefined)
    check.add(
      path('issuer'),
      "is not used with protectedResource: the resource's metadata names its authorization server"
    )
  if (auth.clientRegistration !== 'dynamic') return
  if (auth.issuer === undefined && auth.protectedResource === undefined)
    check.add(
      path('clientRegistration'),
      '"dynamic" needs issuer or protectedResource: the registration endpoint is read from the authorization server\'s metadata'
    )
  if (auth.clientOwnership === 'customer')
    check.add(
      path('clientRegistration'),
      '"dynamic" registers the client itself, so there is none for the end customer to bring (leave clientOwnership out)'
    )
  if (
    auth.clientAuthMethod !== undefined &&
    !['client_secret_basic', 'client_secret_post'].includes(String(auth.clientAuthMethod))
  )
    check.add(
      path('clientAuthMethod'),
      'must be "client_secret_basic" or "client_secret_post" with a dynamically registered client (it is registered with a secret)'
    )
}

function checkOAuth2(check: Checker, auth: Json, at: string): void {
  const before: PlaceholderNamespace[] = ['parameters', 'config']
  const path = (...segments: string[]): string => joinPath(at, ...segments)
  const codeGrant = auth.grant === 'authorization_code'
  // In the order a person reads a definition: where the user goes, then where the code goes.
  if (codeGrant) check.url(path('authorizeUrl'), auth.authorizeUrl, before)
  check.url(path('tokenUrl'), auth.tokenUrl, before)
  check.url(path('revokeUrl'), auth.revokeUrl, [...before, 'client'])
  check.url(path('issuer'), auth.issuer, [])
  if (codeGrant) check.url(path('protectedResource'), auth.protectedResource, before)
  checkClientRegistration(check, auth, path)
  check.url(path('clientAssertionAudience'), auth.clientAssertionAudience, before)
  if (auth.clientAssertionAudience !== undefined && auth.clientAuthMethod !== 'private_key_jwt')
    check.add(
      path('clientAssertionAudience'),
      'is only used with clientAuthMethod "private_key_jwt" (signed client assertions)'
    )
  const discovered = auth.issuer !== undefined || (codeGrant && auth.protectedResource !== undefined)
  if (!discovered) {
    if (codeGrant && auth.authorizeUrl === undefined)
      check.add(path('authorizeUrl'), 'is required (or set issuer to discover it)')
    if (auth.tokenUrl === undefined) check.add(path('tokenUrl'), 'is required (or set issuer to discover it)')
    if (auth.revokeRequest !== undefined && auth.revokeUrl === undefined)
      check.add(path('revokeRequest'), 'needs revokeUrl (or an issuer whose metadata has a revocation_endpoint)')
  }
  if (auth.clientAuthMethod === 'tls_client_auth' && auth.clientCertificate === 'customer')
    check.add(
      path('clientCertificate'),
      'must be "app" with tls_client_auth: the OAuth client is the developer\'s, so is its certificate'
    )
  if (auth.clientAuthMethod === 'tls_client_auth' && auth.clientCertificate === undefined)
    check.add(
      path('clientAuthMethod'),
      '"tls_client_auth" authenticates the client by its certificate: set clientCertificate to say who holds it'
    )
  if (auth.clientFields !== undefined && auth.clientOwnership !== 'customer')
    check.add(
      path('clientFields'),
      'is only for a client the end customer brings (clientOwnership "customer"); the tenant sets its own app in the console'
    )
  if (auth.clientAuthMethod === 'tls_client_auth' && auth.clientOwnership === 'customer')
    check.add(
      path('clientAuthMethod'),
      '"tls_client_auth" needs the app\'s certificate, so the OAuth client must be the developer\'s (clientOwnership "developer")'
    )
  if (
    isObject(auth.revokeRequest) &&
    auth.revokeRequest.authentication === 'bearer' &&
    auth.revokeRequest.clientAuthMethod !== undefined
  ) {
    check.add(path('revokeRequest', 'clientAuthMethod'), 'is not used when the token itself is the bearer credential')
  }
  if (
    isObject(auth.revokeRequest) &&
    auth.revokeRequest.authentication === 'bearer' &&
    auth.revokeRequest.token === 'refresh'
  ) {
    check.add(path('revokeRequest', 'token'), 'must be "access" when the token is sent as a bearer credential')
  }
  if (isObject(auth.revokeRequest) && auth.revokeRequest.clientSecretHeader !== undefined) {
    if (auth.revokeRequest.authentication === 'bearer')
      check.add(
        path('revokeRequest', 'clientSecretHeader'),
        'is not used when the token itself is the bearer credential'
      )
    if (auth.revokeRequest.clientAuthMethod !== undefined)
      check.add(
        path('revokeRequest', 'clientAuthMethod'),
        'is not used with clientSecretHeader (the secret goes in that header only)'
      )
  }
  if (isObject(auth.revokeRequest) && isObject(auth.revokeRequest.params)) {
    check.values(path('revokeRequest', 'params'), auth.revokeRequest.params, [...before, 'client'], {})
    const reserved = [
      String(auth.revokeRequest.tokenParam ?? 'token'),
      'token_type_hint',
      'client_secret',
      'client_assertion'
    ]
    for (const name of Object.keys(auth.revokeRequest.params))
      if (reserved.includes(name))
        check.add(
          path('revokeRequest', 'params', name),
          `"${name}" is set by Latchkey (the token, its hint or the client's credentials)`
        )
  }
  const tokenResponse = isObject(auth.tokenResponse) ? auth.tokenResponse : {}
  strings(tokenResponse.keepFields).forEach((field, index) => {
    if (/(^|\.)(access_token|refresh_token|id_token)$/.test(field) || field === tokenResponse.accessTokenPath) {
      check.add(
        joinPath(at, 'tokenResponse', 'keepFields', index),
        `"${field}" is a token: kept fields are stored as plain metadata, so tokens cannot be kept`
      )
    }
  })
  if (typeof auth.grantType === 'string' && ['authorization_code', 'refresh_token'].includes(auth.grantType))
    check.add(path('grantType'), `"${auth.grantType}" is not a two-legged grant; use grant "authorization_code"`)
  check.values(path('tokenParams'), auth.tokenParams, before, { reserved: RESERVED_TOKEN_PARAMS })
  check.values(path('tokenHeaders'), auth.tokenHeaders, before, { headers: true })
  checkScopes(check, auth, at)
  if (!codeGrant) return
  check.url(path('refreshUrl'), auth.refreshUrl, before)
  if (
    typeof auth.scopeParam === 'string' &&
    RESERVED_AUTHORIZE_PARAMS.includes(auth.scopeParam) &&
    auth.scopeParam !== 'scope'
  ) {
    check.add(
      path('scopeParam'),
      `"${auth.scopeParam}" is a param of the OAuth protocol; name the provider's scope param (e.g. user_scope)`
    )
  }
  const reservedAuthorize =
    typeof auth.scopeParam === 'string' ? [...RESERVED_AUTHORIZE_PARAMS, auth.scopeParam] : RESERVED_AUTHORIZE_PARAMS
  check.values(path('authorizeParams'), auth.authorizeParams, before, { reserved: reservedAuthorize })
  check.values(path('refreshParams'), auth.refreshParams, before, { reserved: RESERVED_TOKEN_PARAMS })
  check.values(path('refreshHeaders'), auth.refreshHeaders, before, { headers: true })
  if (isObject(auth.offlineAccess)) {
    check.values(path('offlineAccess', 'authorizeParams'), auth.offlineAccess.authorizeParams, before, {
      reserved: reservedAuthorize
    })
  }
  if (isObject(auth.incrementalConsent)) {
    check.values(path('incrementalConsent', 'authorizeParams'), auth.incrementalConsent.authorizeParams, before, {
      reserved: reservedAuthorize
    })
  }
  strings(auth.callbackParams).forEach((name, index) => {
    if (PROTOCOL_CALLBACK_PARAMS.includes(name))
      check.add(joinPath(at, 'callbackParams', index), `"${name}" belongs to the OAuth protocol and is never kept`)
  })
}

const FORM_FIELDS = ['label', 'helpText', 'docsUrl', 'example', 'pattern', 'patternMessage'] as const

function checkPattern(check: Checker, at: string, pattern: unknown): void {
  if (typeof pattern !== 'string') return
  try {
    new RegExp(`^(?:${pattern})$`, 'u')
  } catch (error) {
    check.add(at, `is not a valid regular expression (${(error as Error).message})`)
  }
}

/** Extra credential fields: unique keys other than the built-in ones, patterns that compile. */
function checkFields(check: Checker, auth: Json, at: string): void {
  if (!Array.isArray(auth.fields)) return
  const seen = new Set<string>()
  auth.fields.forEach((field, index) => {
    if (!isObject(field)) return
    const here = joinPath(at, 'fields', index)
    if (typeof field.key === 'string') {
      if ((BUILT_IN_CREDENTIALS as readonly string[]).includes(field.key))
        check.add(
          joinPath(here, 'key'),
          `"${field.key}" is the scheme's own credential; name the extra field otherwise`
        )
      else if (
        auth.clientCertificate === 'customer' &&
        (Object.values(CLIENT_CERTIFICATE_KEYS) as string[]).includes(field.key)
      )
        check.add(
          joinPath(here, 'key'),
          `"${field.key}" holds the customer's client certificate; name the field otherwise`
        )
      else if (seen.has(field.key)) check.add(joinPath(here, 'key'), `"${field.key}" is declared twice`)
      seen.add(field.key)
    }
    checkPattern(check, joinPath(here, 'pattern'), field.pattern)
  })
}

/** `{{credentials.x}}` of the credentials used by a scheme's placements and fixed values. */
function credentialsUsed(templates: readonly unknown[]): Set<string> {
  const used = new Set<string>()
  for (const template of templates) {
    if (typeof template !== 'string') continue
    for (const placeholder of parsePlaceholders(template).placeholders)
      for (const ref of placeholder.references) if (ref.namespace === 'credentials') used.add(ref.key)
  }
  return used
}

/** Where a typed-in scheme's templates may look. */
const TYPED_IN: PlaceholderNamespace[] = ['parameters', 'config', 'credentials', 'now']

function checkPlacements(check: Checker, placements: unknown, at: string, own: ReadonlySet<string>): void {
  if (!Array.isArray(placements)) return
  placements.forEach((placement, index) => {
    if (!isObject(placement)) return
    const here = joinPath(at, index)
    const needs = placement.in === 'basic' ? ['username'] : ['name', 'value']
    const refuses = placement.in === 'basic' ? ['name', 'value'] : ['username', 'password']
    for (const field of needs)
      if (placement[field] === undefined)
        check.add(joinPath(here, field), `is required when it goes in "${String(placement.in)}"`)
    for (const field of refuses)
      if (placement[field] !== undefined)
        check.add(
          joinPath(here, field),
          `is only used when it goes in ${field === 'name' || field === 'value' ? 'a header, the query or the body' : '"basic"'}`
        )
    if (placement.in === 'header' && typeof placement.name === 'string' && !HEADER_NAME.test(placement.name))
      check.add(joinPath(here, 'name'), 'is not a valid header name')
    if (placement.in === 'body' && typeof placement.name === 'string' && !/^[A-Za-z0-9_$-]+$/.test(placement.name))
      check.add(joinPath(here, 'name'), 'must be a top-level field name of the JSON body')
    for (const field of ['value', 'username', 'password']) {
      const template = placement[field]
      if (typeof template !== 'string') continue
      if (/[\r\n]/.test(template)) check.add(joinPath(here, field), 'must not contain line breaks')
      check.placeholders(joinPath(here, field), template, TYPED_IN, { credentials: own })
    }
  })
}

function checkApiKey(check: Checker, auth: Json, at: string): void {
  if (typeof auth.template === 'string') {
    const count = auth.template.split(API_KEY_PLACEHOLDER).length - 1
    if (count !== 1)
      check.add(
        joinPath(at, 'template'),
        `must contain ${API_KEY_PLACEHOLDER} exactly once (got ${JSON.stringify(auth.template)})`
      )
    if (/[\r\n]/.test(auth.template)) check.add(joinPath(at, 'template'), 'must not contain line breaks')
  }
  if (auth.in !== 'query' && typeof auth.name === 'string' && !HEADER_NAME.test(auth.name))
    check.add(joinPath(at, 'name'), 'is not a valid header name')
  if (auth.in === 'query' && auth.name === undefined)
    check.add(joinPath(at, 'name'), 'is required when the key goes in the query')
  checkPattern(check, joinPath(at, 'pattern'), auth.pattern)
  if (isObject(auth.input)) {
    checkPattern(check, joinPath(at, 'input', 'pattern'), auth.input.pattern)
    for (const legacy of ['inputLabel', 'helpText', 'pattern'])
      if (auth[legacy] !== undefined)
        check.add(joinPath(at, legacy), 'cannot be given with input: say it in input (label, helpText, pattern)')
  }
  checkFields(check, auth, at)
  const own = new Set(credentialsOf(auth))
  if (auth.send !== undefined) {
    for (const legacy of ['in', 'name', 'template'])
      if (auth[legacy] !== undefined)
        check.add(joinPath(at, legacy), 'cannot be given with send: list every place the key goes in send')
    checkPlacements(check, auth.send, joinPath(at, 'send'), own)
    const templates = Array.isArray(auth.send)
      ? auth.send.filter(isObject).flatMap((p) => [p.value, p.username, p.password])
      : []
    if (!credentialsUsed(templates).has('apiKey'))
      check.add(joinPath(at, 'send'), 'never sends the key: use {{credentials.apiKey}} in one of its values')
  }
}

function checkBasic(check: Checker, auth: Json, at: string): void {
  checkFields(check, auth, at)
  const own = new Set(credentialsOf(auth))
  const legacy = { username: ['usernameLabel', 'helpText'], password: ['passwordLabel', 'passwordRequired'] }
  for (const which of ['username', 'password'] as const) {
    const input = auth[which]
    if (!isObject(input)) continue
    const here = joinPath(at, which)
    for (const field of legacy[which])
      if (auth[field] !== undefined) check.add(joinPath(at, field), `cannot be given with ${which}: say it in ${which}`)
    checkPattern(check, joinPath(here, 'pattern'), input.pattern)
    if (which === 'username' && input.required !== undefined)
      check.add(joinPath(here, 'required'), 'is only for the password: a user name is always needed')
    if (typeof input.value === 'string') {
      for (const field of [...FORM_FIELDS, 'required'])
        if (input[field] !== undefined) check.add(joinPath(here, field), 'is not used: a fixed value is not asked for')
      if (/[\r\n]/.test(input.value)) check.add(joinPath(here, 'value'), 'must not contain line breaks')
      check.placeholders(joinPath(here, 'value'), input.value, TYPED_IN, {
        credentials: new Set([...own].filter((key) => key !== which))
      })
      if (which === 'username' && input.value === '')
        check.add(joinPath(here, 'value'), 'must not be empty: a fixed user name is needed')
      if (which === 'username' && parsePlaceholders(input.value).placeholders.length === 0 && input.value.includes(':'))
        check.add(joinPath(here, 'value'), 'must not contain ":" (RFC 7617)')
    }
  }
}

function checkJwtBearer(check: Checker, auth: Json, at: string): void {
  check.url(joinPath(at, 'tokenUrl'), auth.tokenUrl, ['parameters', 'config'])
  checkScopes(check, auth, at)
  if (auth.serviceAccount === true && auth.fields !== undefined)
    check.add(joinPath(at, 'fields'), 'is not used with serviceAccount: the key file is the credential')
  if (auth.serviceAccount !== true) {
    const keys = Array.isArray(auth.fields) ? auth.fields.filter(isObject).map((f) => f.key) : []
    if (!keys.includes('privateKey'))
      check.add(
        joinPath(at, 'fields'),
        'needs a field "privateKey" (or serviceAccount: true): the key the assertion is signed with'
      )
  }
  const own = new Set(credentialsOf(auth))
  const assertion = isObject(auth.assertion) ? auth.assertion : {}
  for (const name of ['issuer', 'subject', 'audience'])
    if (typeof assertion[name] === 'string')
      check.placeholders(joinPath(at, 'assertion', name), assertion[name] as string, TYPED_IN, { credentials: own })
  check.values(joinPath(at, 'assertion', 'claims'), assertion.claims, TYPED_IN, {
    credentials: own,
    reserved: ['iss', 'sub', 'aud', 'iat', 'exp', 'jti', 'scope']
  })
}

/** Params of the OAuth 1.0a protocol: Latchkey sets them on every signed request and the authorize URL. */
const RESERVED_OAUTH1_PARAMS = [
  'oauth_callback',
  'oauth_consumer_key',
  'oauth_nonce',
  'oauth_signature',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_token',
  'oauth_verifier',
  'oauth_version'
]

function checkOAuth1(check: Checker, auth: Json, at: string): void {
  const before: PlaceholderNamespace[] = ['parameters', 'config']
  for (const url of ['requestTokenUrl', 'authorizeUrl', 'accessTokenUrl', 'revokeUrl'])
    if (auth[url] !== undefined) check.url(joinPath(at, url), auth[url], before)
  for (const params of ['requestTokenParams', 'authorizeParams'])
    check.values(joinPath(at, params), auth[params], before, { reserved: RESERVED_OAUTH1_PARAMS })
}

function checkTokenExchange(check: Checker, auth: Json, at: string): void {
  if (Array.isArray(auth.fields)) {
    const seen = new Set<string>()
    auth.fields.forEach((field, index) => {
      if (!isObject(field)) return
      const here = joinPath(at, 'fields', index)
      if (typeof field.key === 'string') {
        if (seen.has(field.key)) check.add(joinPath(here, 'key'), `"${field.key}" is declared twice`)
        seen.add(field.key)
      }
      checkPattern(check, joinPath(here, 'pattern'), field.pattern)
    })
  }
  const own = new Set(credentialsOf(auth))
  const request = isObject(auth.request) ? auth.request : {}
  check.url(joinPath(at, 'request', 'url'), request.url, ['parameters', 'config'])
  if (isObject(auth.logout)) check.url(joinPath(at, 'logout', 'url'), auth.logout.url, ['parameters', 'config'])
  check.values(joinPath(at, 'request', 'body'), request.body, TYPED_IN, { credentials: own })
  check.values(joinPath(at, 'request', 'headers'), request.headers, TYPED_IN, { headers: true, credentials: own })
  if (request.method === 'GET' && request.body !== undefined)
    check.add(joinPath(at, 'request', 'body'), 'is not sent with method "GET"')
  if (request.format === 'form')
    for (const name of Object.keys(recordOf(request.body)))
      if (name.includes('.'))
        check.add(joinPath(at, 'request', 'body', name), 'nests JSON: a form body has flat names only')
  const templates = [...Object.values(recordOf(request.body)), ...Object.values(recordOf(request.headers))]
  const used = credentialsUsed(templates)
  if (isObject(auth.request))
    for (const key of own)
      if (!used.has(key)) check.add(joinPath(at, 'fields'), `asks for "${key}" but the login request never sends it`)
  const response = isObject(auth.response) ? auth.response : {}
  if (response.expiresAtPath !== undefined && response.expiresInPath !== undefined)
    check.add(
      joinPath(at, 'response', 'expiresAtPath'),
      'cannot be given with expiresInPath: the answer says one or the other'
    )
}

/**
 * A base URL taking its whole origin from a placeholder needs the hosts it may name; each
 * wildcard pattern must leave a domain of its own after `*.`.
 */
function checkOriginHosts(check: Checker, http: Json): void {
  const origin =
    typeof http.baseUrl === 'string' ? placeholderParts(http.baseUrl).find(({ part }) => part === 'origin') : undefined
  if (origin !== undefined && http.originHosts === undefined) {
    check.add(
      'http.originHosts',
      `is required: http.baseUrl starts with {{${origin.placeholder.name}}}, an origin only known at run time; list the hosts it may name (e.g. ["*.my.salesforce.com"])`
    )
  }
  strings(http.originHosts).forEach((pattern, index) => {
    if (!pattern.startsWith('*.')) return
    const labels = pattern.slice(2).split('.')
    if (/^\d+$/.test(labels.at(-1) ?? ''))
      check.add(
        joinPath('http.originHosts', index),
        `${JSON.stringify(pattern)}: a wildcard cannot stand before an IP address`
      )
    else if (labels.length < 2)
      check.add(
        joinPath('http.originHosts', index),
        `${JSON.stringify(pattern)} is too broad: name a domain of at least two labels after "*."`
      )
  })
}

function checkHttp(check: Checker, http: unknown, auth: unknown): void {
  if (!isObject(http)) return
  const all: PlaceholderNamespace[] = ['parameters', 'config', 'metadata']
  check.url('http.baseUrl', http.baseUrl, [...all, 'account'])
  checkOriginHosts(check, http)
  // The account (what the verification found) too: a header or param whose placeholders have no value yet is left out.
  const values: PlaceholderNamespace[] = [...all, 'account', 'credentials', 'now']
  check.values('http.headers', http.headers, values, { headers: true })
  check.values('http.query', http.query, values, {})
  const placement = isObject(http.tokenPlacement) ? http.tokenPlacement : undefined
  if (placement !== undefined) {
    if (placement.in === 'query' && placement.name === undefined)
      check.add('http.tokenPlacement.name', 'is required when the token goes in the query')
    if (placement.in === 'query' && placement.prefix !== undefined)
      check.add('http.tokenPlacement.prefix', 'is only used when the token goes in a header')
    if (placement.in === 'header' && typeof placement.name === 'string' && !HEADER_NAME.test(placement.name)) {
      check.add('http.tokenPlacement.name', 'is not a valid header name')
    }
  }
  if (isObject(http.rateLimit)) checkRateLimit(http.rateLimit, check)
  // The headers where some scheme of the connector puts its credential: Latchkey sets those.
  const oauthHeader =
    placement === undefined || placement.in === 'header' ? String(placement?.name ?? 'Authorization') : undefined
  const credentialHeaders = new Set<string>()
  const credentialQuery = new Set<string>()
  for (const { scheme } of schemesOf(auth)) {
    if (scheme.kind === 'oauth2' || scheme.kind === 'tokenExchange' || scheme.kind === 'jwtBearer') {
      if (oauthHeader !== undefined) credentialHeaders.add(oauthHeader.toLowerCase())
      else if (typeof placement?.name === 'string') credentialQuery.add(placement.name)
      continue
    }
    if (scheme.kind === 'basic' || scheme.kind === 'oauth1') credentialHeaders.add('authorization')
    if (scheme.kind === 'awsSigV4')
      for (const name of ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'])
        credentialHeaders.add(name)
    if (scheme.kind !== 'apiKey') continue
    const placements = Array.isArray(scheme.send)
      ? scheme.send.filter(isObject)
      : [{ in: scheme.in ?? 'header', name: scheme.name ?? 'Authorization' }]
    for (const p of placements) {
      if (p.in === 'basic') credentialHeaders.add('authorization')
      if (p.in === 'header' && typeof p.name === 'string') credentialHeaders.add(p.name.toLowerCase())
      if (p.in === 'query' && typeof p.name === 'string') credentialQuery.add(p.name)
    }
  }
  for (const name of Object.keys(recordOf(http.headers))) {
    if (credentialHeaders.has(name.toLowerCase()))
      check.add(joinPath('http.headers', name), 'is where the credential goes; Latchkey sets it')
  }
  for (const name of Object.keys(recordOf(http.query))) {
    if (credentialQuery.has(name))
      check.add(joinPath('http.query', name), 'is where the credential goes; Latchkey sets it')
  }
}

function checkScheme(check: Checker, auth: Json, at: string): Issue[] {
  const kinds = [...new Set(Object.keys(AUTH_SCHEMAS).map((k) => k.split(':')[0]))]
  if (typeof auth.kind !== 'string' || !kinds.includes(auth.kind)) {
    return [{ path: joinPath(at, 'kind'), message: `must be ${kinds.map((k) => JSON.stringify(k)).join(', ')}` }]
  }
  let id = auth.kind
  if (auth.kind === 'oauth2') {
    const grants = Object.keys(AUTH_SCHEMAS)
      .filter((k) => k.startsWith('oauth2:'))
      .map((k) => k.split(':')[1])
    if (typeof auth.grant !== 'string' || !grants.includes(auth.grant)) {
      return [{ path: joinPath(at, 'grant'), message: `must be ${grants.map((g) => JSON.stringify(g)).join(' or ')}` }]
    }
    id = `oauth2:${auth.grant}`
  }
  const schema = AUTH_SCHEMAS[id as keyof typeof AUTH_SCHEMAS]
  const issues = formatSchemaErrors(schema, Value.Errors(schema, auth), at)
  if (auth.kind === 'oauth2') checkOAuth2(check, auth, at)
  if (auth.kind === 'apiKey') checkApiKey(check, auth, at)
  if (auth.kind === 'basic') checkBasic(check, auth, at)
  if (auth.kind === 'tokenExchange') checkTokenExchange(check, auth, at)
  if (auth.kind === 'jwtBearer') checkJwtBearer(check, auth, at)
  if (auth.kind === 'oauth1') checkOAuth1(check, auth, at)
  const oauth = auth.kind === 'oauth2' || auth.kind === 'oauth1'
  if (auth.clientCertificate === 'customer' && oauth && auth.clientAuthMethod !== 'tls_client_auth')
    check.add(
      joinPath(at, 'clientCertificate'),
      'can be "customer" only where the end customer types credentials in (apiKey, basic, tokenExchange, awsSigV4, jwtBearer); OAuth takes "app"'
    )
  if (auth.kind === 'awsSigV4') {
    check.placeholders(joinPath(at, 'region'), typeof auth.region === 'string' ? auth.region : '', [
      'parameters',
      'config'
    ])
    for (const field of ['accessKeyId', 'secretAccessKey'])
      if (isObject(auth[field])) checkPattern(check, joinPath(at, field, 'pattern'), (auth[field] as Json).pattern)
  }
  return issues
}

function checkAuth(check: Checker, auth: unknown): Issue[] {
  if (Array.isArray(auth)) {
    if (auth.length === 0) return [{ path: 'auth', message: 'must list at least one scheme' }]
    if (auth.length > 6) return [{ path: 'auth', message: 'may list at most 6 schemes' }]
    const issues: Issue[] = []
    const keys = new Map<string, number>()
    auth.forEach((scheme, index) => {
      const at = joinPath('auth', index)
      if (!isObject(scheme)) {
        issues.push({ path: at, message: 'must be an object' })
        return
      }
      issues.push(...checkScheme(check, scheme, at))
      if (typeof scheme.kind !== 'string' || (scheme.key !== undefined && typeof scheme.key !== 'string')) return
      const key = typeof scheme.key === 'string' ? scheme.key : defaultSchemeKey(scheme as AuthSchemeDefinition)
      const first = keys.get(key)
      if (first !== undefined)
        issues.push({
          path: joinPath(at, 'key'),
          message: `"${key}" is already the key of auth[${first}]; give each scheme its own key`
        })
      else keys.set(key, index)
    })
    return issues
  }
  if (!isObject(auth))
    return [{ path: 'auth', message: auth === undefined ? 'is required' : 'must be an object or a list of schemes' }]
  return checkScheme(check, auth, 'auth')
}

/** The verification's requests with their paths: its steps, or itself. */
function verificationSteps(verification: unknown): { at: string; step: Json }[] {
  if (!isObject(verification)) return []
  if (Array.isArray(verification.steps))
    return verification.steps.flatMap((step, index) =>
      isObject(step) ? [{ at: joinPath('verification.steps', index), step }] : []
    )
  return [{ at: 'verification', step: verification }]
}

function checkVerification(check: Checker, json: Json): void {
  const verification = json.verification
  if (!isObject(verification)) return
  if (!isObject(json.http))
    check.add('verification', "needs http.baseUrl: the verification request is made on the connector's API")
  if (verification.steps !== undefined)
    for (const field of ['method', 'from', 'path', 'query', 'headers', 'body', 'identity'])
      if (verification[field] !== undefined)
        check.add(joinPath('verification', field), 'cannot be given with steps: say it in a step')
  if (verification.steps === undefined && verification.path === undefined)
    check.add('verification.path', 'is required (or steps)')
  // A base URL needing the account: the requests that find it cannot be made below that URL.
  const baseUrl = isObject(json.http) && typeof json.http.baseUrl === 'string' ? json.http.baseUrl : ''
  const accountParts = placeholderParts(baseUrl).filter(({ placeholder }) => placeholder.namespace === 'account')
  for (const { placeholder, part } of accountParts) {
    if (part === 'origin' || part === 'host')
      check.add(
        'http.baseUrl',
        `placeholder {{${placeholder.name}}} must sit in the path or query: the verification request that finds it is sent to the origin`
      )
  }
  const found = new Set<string>()
  const before: PlaceholderNamespace[] = ['parameters', 'config', 'metadata', 'account']
  const known = check.scope.account
  for (const { at, step } of verificationSteps(verification)) {
    for (const name of Object.keys(isObject(step.identity) ? step.identity : {})) {
      if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name))
        check.add(joinPath(at, 'identity', name), 'must be letters, digits and underscores, starting with a letter')
    }
    if (step.body !== undefined && step.method !== 'POST')
      check.add(joinPath(at, 'body'), 'is only sent with method "POST"')
    if (
      typeof step.path === 'string' &&
      (step.path.startsWith('//') || /[\\\s]/.test(step.path.replace(/\{\{[^}]*\}\}/g, '')))
    )
      check.add(joinPath(at, 'path'), 'must be a relative URL without white space or backslashes')
    // A step may use what earlier steps found; not its own or later ones.
    check.scope.account = new Set(found)
    if (typeof step.path === 'string') check.placeholders(joinPath(at, 'path'), step.path, before, { url: true })
    check.values(joinPath(at, 'query'), step.query, before, {})
    check.values(joinPath(at, 'headers'), step.headers, before, { headers: true })
    // A body has braces of its own (GraphQL): only its well-formed placeholders are checked.
    if (typeof step.body === 'string')
      for (const placeholder of parsePlaceholders(step.body).placeholders)
        check.placeholders(joinPath(at, 'body'), step.body.slice(placeholder.start, placeholder.end), before)
    for (const [name, path] of Object.entries(recordOf(step.identity))) {
      check.placeholders(joinPath(at, 'identity', name), path, before)
      found.add(name)
    }
    // The base URL is rendered with the account already kept: a request that finds it goes to the origin.
    if (accountParts.length > 0 && (step.from === undefined || step.from === 'baseUrl'))
      check.add(
        joinPath(at, 'from'),
        `must be "origin": http.baseUrl needs {{${accountParts[0]?.placeholder.name}}}, which this request finds`
      )
  }
  check.scope.account = known
}

/** Sets aside `compute` functions so that the rest can be checked as JSON. */
function splitFunctions(input: Json, allowFunctions: boolean): { json: Json; computed: Set<number>; issues: Issue[] } {
  const computed = new Set<number>()
  const issues: Issue[] = []
  if (!Array.isArray(input.configValues)) return { json: input, computed, issues }
  const configValues = input.configValues.map((config: unknown, index: number) => {
    if (!isObject(config) || !('compute' in config)) return config
    const { compute, ...rest } = config
    const at = joinPath('configValues', index, 'compute')
    // Counted as present even when refused, so that no second "value is required" follows.
    computed.add(index)
    if (!allowFunctions) issues.push({ path: at, message: 'functions cannot be sent as JSON; use a static "value"' })
    else if (typeof compute !== 'function') issues.push({ path: at, message: 'must be a function of the parameters' })
    return rest
  })
  return { json: { ...input, configValues }, computed, issues }
}

function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const id = `${issue.path}\u0000${issue.message}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/**
 * Validates a connector definition and reports every problem at once, each with its path
 * and a sentence a person can act on. Nothing is thrown.
 */
export function validateConnectorDefinition(input: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!isObject(input))
    return { ok: false, issues: [{ path: '', message: 'a connector definition must be an object' }] }
  const { json, computed, issues } = splitFunctions(input, options.allowFunctions ?? false)
  issues.push(...formatSchemaErrors(SHELL_SCHEMA, Value.Errors(SHELL_SCHEMA, json)))
  const check = new Checker(collectScope(json))
  issues.push(...checkAuth(check, json.auth))
  checkParameters(check, json.parameters)
  checkConfigValues(check, json.configValues, computed)
  checkHttp(check, json.http, json.auth)
  checkVerification(check, json)
  checkActions(check, json)
  if (typeof json.docsUrl === 'string') {
    const problem = checkEndpointUrl(json.docsUrl)
    if (problem !== undefined) check.add('docsUrl', problem)
  }
  if (typeof json.icon === 'string') {
    const problem = checkIcon(json.icon)
    if (problem !== undefined) check.add('icon', problem)
  }
  issues.push(...check.issues)
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) }
  return { ok: true, definition: input as ConnectorDefinitionJson, issues: [] }
}

/** Like {@link validateConnectorDefinition}, for definitions written in code. */
export function validateConnectorInput(input: unknown): ValidationResult<ConnectorDefinitionInput> {
  return validateConnectorDefinition(input, { allowFunctions: true }) as ValidationResult<ConnectorDefinitionInput>
}

/** Header names are names; a body pattern compiles and captures the seconds. */
function checkRateLimit(rateLimit: Json, check: Checker): void {
  const at = 'http.rateLimit'
  const headers = rateLimit.resetHeader
  if (typeof headers === 'string' && !HEADER_NAME.test(headers))
    check.add(`${at}.resetHeader`, 'is not a valid header name')
  if (Array.isArray(headers))
    headers.forEach((name, index) => {
      if (typeof name === 'string' && !HEADER_NAME.test(name))
        check.add(`${at}.resetHeader[${index}]`, 'is not a valid header name')
    })
  if (typeof rateLimit.remainingHeader === 'string' && !HEADER_NAME.test(rateLimit.remainingHeader))
    check.add(`${at}.remainingHeader`, 'is not a valid header name')
  const listed = (typeof headers === 'string' ? [headers] : Array.isArray(headers) ? headers : []).map((name) =>
    String(name).toLowerCase()
  )
  if (isObject(rateLimit.resetFormats))
    for (const name of Object.keys(rateLimit.resetFormats))
      if (!listed.includes(name.toLowerCase()))
        check.add(joinPath(at, 'resetFormats', name), `names a header resetHeader does not list: add "${name}" there`)
  if (rateLimit.remainingHeader !== undefined && !Array.isArray(rateLimit.statuses))
    check.add(`${at}.remainingHeader`, 'only counts with `statuses` (the non-429 answers it tells apart)')
  const body = rateLimit.body
  if (isObject(body) && typeof body.pattern === 'string') {
    try {
      const groups = new RegExp(`${body.pattern}|`, 'u').exec('')?.length ?? 1
      if (groups < 2) check.add(`${at}.body.pattern`, 'must capture the seconds in a group, e.g. "retry in (\\d+)s"')
    } catch (error) {
      check.add(`${at}.body.pattern`, `is not a valid regular expression (${(error as Error).message})`)
    }
  }
  if (rateLimit.resetHeader === undefined && body === undefined && rateLimit.statuses === undefined)
    check.add(at, 'declares nothing: give resetHeader, body or statuses')
}
