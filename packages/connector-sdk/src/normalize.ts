import type {
  ApiKeyAuth,
  AuthDefinition,
  BasicAuth,
  CredentialField,
  CredentialForm,
  AuthSchemeDefinition,
  ClientAuthMethod,
  DeepReadonly,
  ConnectorDefinition,
  ConnectorDefinitionJson,
  OAuth2AuthorizationCodeAuth,
  OAuth2ClientCredentialsAuth,
  OAuth1Auth,
  RevokeRequest,
  ScopeDelimiter,
  TokenPlacement,
  VerificationDefinition,
  VerificationStep
} from './schema.js'

/** Every default of an OAuth 2.0 authorization code definition, in one place. */
export const OAUTH2_DEFAULTS = {
  scopeDelimiter: ' ',
  pkce: true,
  clientAuthMethod: 'client_secret_basic',
  clientOwnership: 'developer',
  tokenRequestFormat: 'form',
  customerSelectsScopes: false
} as const

/** Default token placement on API calls: `Authorization: Bearer <token>`. */
export const DEFAULT_TOKEN_PLACEMENT: Required<TokenPlacement> = {
  in: 'header',
  name: 'Authorization',
  prefix: 'Bearer '
}

/** Statuses that mean "refresh and retry" when a definition names none. */
export const DEFAULT_REFRESH_ON_STATUS: readonly number[] = [401]

/** What every resolved scheme has: its key on connections and its label in the wizard. */
export interface ResolvedSchemeIdentity {
  readonly key: string
  readonly label: string
  /** Who holds the client certificate presented on the scheme's every request (mutual TLS); absent: none. */
  readonly clientCertificate?: 'app' | 'customer'
}

/** A revocation request with defaults applied. */
export interface ResolvedRevokeRequest {
  readonly method: 'POST' | 'DELETE'
  readonly authentication: 'client' | 'bearer'
  readonly format: 'form' | 'json' | 'query' | 'none'
  readonly tokenParam: string
  readonly token: 'refresh' | 'access'
  readonly tokenTypeHint: boolean
  /** `undefined`: as at the token endpoint. */
  readonly clientAuthMethod: 'client_secret_basic' | 'client_secret_post' | undefined
  readonly clientSecretHeader: { readonly name: string; readonly prefix: string } | undefined
  readonly params: Readonly<Record<string, string>>
}

/** Where a token answer says when the access token expires. */
export interface ResolvedExpiry {
  readonly inPath: string
  readonly unit: 'seconds' | 'milliseconds'
  readonly atPath: string | undefined
}

/** Where an answer says when its token expires, with defaults applied. */
function resolveExpiry(
  fields:
    | {
        readonly expiresInPath?: string
        readonly expiresInUnit?: 'seconds' | 'milliseconds'
        readonly expiresAtPath?: string
      }
    | undefined
): ResolvedExpiry {
  return {
    inPath: fields?.expiresInPath ?? 'expires_in',
    unit: fields?.expiresInUnit ?? 'seconds',
    atPath: fields?.expiresAtPath
  }
}

/** One field of a customer-owned client in the wizard; no label: the wizard's own words, in the session's language. */
export interface ResolvedClientField {
  readonly label: string | undefined
  readonly helpText: string | undefined
  readonly docsUrl: string | undefined
  readonly example: string | undefined
}

function resolveClientField(
  form:
    | { readonly label?: string; readonly helpText?: string; readonly docsUrl?: string; readonly example?: string }
    | undefined
): ResolvedClientField {
  return { label: form?.label, helpText: form?.helpText, docsUrl: form?.docsUrl, example: form?.example }
}

/** What both OAuth 2.0 grants share, with defaults applied. */
export interface ResolvedOAuth2Base extends ResolvedSchemeIdentity {
  readonly kind: 'oauth2'
  /** `undefined` when it is to be discovered from the issuer. */
  readonly tokenUrl: string | undefined
  readonly revokeUrl: string | undefined
  readonly revoke: ResolvedRevokeRequest
  readonly issuer: string | undefined
  readonly scopes: Readonly<Record<string, string>>
  readonly defaultScopes: readonly string[]
  readonly scopeDelimiter: ScopeDelimiter
  /** Scopes that grant others too; `{}` when none do. */
  readonly scopeIncludes: Readonly<Record<string, readonly string[]>>
  readonly clientAuthMethod: ClientAuthMethod
  /** The `aud` template of `private_key_jwt` assertions; `undefined`: the token URL. */
  readonly clientAssertionAudience: string | undefined
  readonly clientOwnership: 'developer' | 'customer'
  /** How the wizard asks a customer-owned client's id and secret. */
  readonly clientFields: {
    readonly clientId: ResolvedClientField
    readonly clientSecret: ResolvedClientField
  }
  readonly tokenRequestFormat: 'form' | 'json' | 'query'
  readonly tokenParams: Readonly<Record<string, string>>
  readonly tokenHeaders: Readonly<Record<string, string>>
  readonly accessTokenPath: string | undefined
  readonly keepFields: readonly string[]
  readonly expiry: ResolvedExpiry
}

/** An OAuth 2.0 authorization code auth with every default applied. */
export interface ResolvedOAuth2AuthorizationCode extends ResolvedOAuth2Base {
  readonly grant: 'authorization_code'
  /** `undefined` when it is to be discovered from the issuer. */
  readonly authorizeUrl: string | undefined
  /** `undefined` when the token URL is to be discovered. */
  readonly refreshUrl: string | undefined
  readonly customerSelectsScopes: boolean
  readonly pkce: boolean
  /** The authorize URL's query param carrying the scopes. */
  readonly scopeParam: string
  readonly authorizeParams: Readonly<Record<string, string>>
  readonly refreshParams: Readonly<Record<string, string>>
  readonly refreshHeaders: Readonly<Record<string, string>>
  readonly callbackParams: readonly string[]
  /** The RFC 8707 resource (an MCP server's URL template) whose RFC 9728 metadata names the authorization server. */
  readonly protectedResource: string | undefined
  /** `dynamic`: the client is registered at the authorization server (RFC 7591), per tenant and server. */
  readonly clientRegistration: 'static' | 'dynamic'
  readonly offlineScope: string | undefined
  /** Set when the provider adds new grants to earlier ones: asking for more sends only what is missing, with these params. */
  readonly incrementalConsent: { readonly authorizeParams: Readonly<Record<string, string>> } | undefined
}

/** An OAuth 2.0 client credentials auth with every default applied. */
export interface ResolvedOAuth2ClientCredentials extends ResolvedOAuth2Base {
  readonly grant: 'client_credentials'
  /** The `grant_type` sent: `client_credentials`, or the provider's own name (Zoom's `account_credentials`). */
  readonly grantType: string
}

/** One value the end customer types in for an API key or basic scheme, as the wizard asks for it. */
export interface ResolvedCredentialInput {
  /** `apiKey`, `username`, `password`, or an extra field's key: `{{credentials.<key>}}`. */
  readonly key: string
  readonly label: string
  /** Masked in the wizard. */
  readonly secret: boolean
  readonly required: boolean
  /** A pasted file (a service account key): line breaks allowed, a text area in the wizard. */
  readonly multiline?: boolean
  readonly pattern: string | undefined
  readonly patternMessage: string | undefined
  readonly helpText: string | undefined
  readonly docsUrl: string | undefined
  readonly example: string | undefined
}

/** One place typed-in credentials are sent, its templates over `{{credentials.*}}` and the rest. */
export type ResolvedCredentialPlacement =
  | { readonly in: 'header' | 'query' | 'body'; readonly name: string; readonly value: string }
  | { readonly in: 'basic'; readonly username: string; readonly password: string }

/** What API key and basic schemes share: what is typed in, and where it goes. */
export interface ResolvedTypedIn extends ResolvedSchemeIdentity {
  /** In the order the wizard shows them. */
  readonly inputs: readonly ResolvedCredentialInput[]
  readonly send: readonly ResolvedCredentialPlacement[]
}

/** An API key auth with every default applied. */
export interface ResolvedApiKey extends ResolvedTypedIn {
  readonly kind: 'apiKey'
  /** What the key is called, in messages. */
  readonly inputLabel: string
}

/** A basic auth with every default applied. */
export interface ResolvedBasic extends ResolvedTypedIn {
  readonly kind: 'basic'
  readonly usernameLabel: string
  readonly passwordLabel: string
}

/** A token exchange with every default applied. */
export interface ResolvedTokenExchange extends ResolvedSchemeIdentity {
  readonly kind: 'tokenExchange'
  readonly inputs: readonly ResolvedCredentialInput[]
  readonly request: {
    readonly url: string
    readonly method: 'POST' | 'PUT' | 'GET'
    readonly format: 'json' | 'form'
    readonly body: Readonly<Record<string, string>>
    readonly headers: Readonly<Record<string, string>>
  }
  readonly response: {
    readonly tokenPath: string
    readonly expiry: ResolvedExpiry
    readonly lifetimeSeconds: number | undefined
  }
  /** Where the session is ended on disconnect, if anywhere. */
  readonly logout: { readonly url: string; readonly method: 'POST' | 'DELETE' } | undefined
}

/** AWS Signature Version 4 with every default applied. */
export interface ResolvedAwsSigV4 extends ResolvedSchemeIdentity {
  readonly kind: 'awsSigV4'
  /** `accessKeyId`, `secretAccessKey` and, when allowed, an optional `sessionToken`. */
  readonly inputs: readonly ResolvedCredentialInput[]
  /** A template. */
  readonly region: string
  readonly service: string
}

/** The fields of a service account key kept as credentials (the file itself is not). */
export const SERVICE_ACCOUNT_FIELDS = [
  'client_email',
  'private_key',
  'private_key_id',
  'client_id',
  'project_id',
  'token_uri'
] as const

/** A JWT bearer grant with every default applied. */
export interface ResolvedJwtBearer extends ResolvedSchemeIdentity {
  readonly kind: 'jwtBearer'
  readonly tokenUrl: string
  readonly serviceAccount: boolean
  /** `serviceAccountKey` for a service account, else the fields. */
  readonly inputs: readonly ResolvedCredentialInput[]
  readonly assertion: {
    readonly issuer: string
    readonly subject: string | undefined
    readonly audience: string | undefined
    readonly lifetimeSeconds: number
    readonly claims: Readonly<Record<string, string>>
  }
  readonly scopes: Readonly<Record<string, string>>
  readonly defaultScopes: readonly string[]
  readonly scopeDelimiter: ScopeDelimiter
  readonly scopeIn: 'assertion' | 'request'
  readonly accessTokenPath: string | undefined
  readonly expiry: ResolvedExpiry
}

/** OAuth 1.0a with every default applied. */
export interface ResolvedOAuth1 extends ResolvedSchemeIdentity {
  readonly kind: 'oauth1'
  /** Templates, like every URL below. */
  readonly requestTokenUrl: string
  readonly authorizeUrl: string
  readonly accessTokenUrl: string
  readonly signatureMethod: 'HMAC-SHA1' | 'HMAC-SHA256' | 'RSA-SHA1' | 'PLAINTEXT'
  readonly requestTokenParams: Readonly<Record<string, string>>
  readonly authorizeParams: Readonly<Record<string, string>>
  readonly keepFields: readonly string[]
  readonly revokeUrl: string | undefined
}

export type ResolvedOAuth2 = ResolvedOAuth2AuthorizationCode | ResolvedOAuth2ClientCredentials
export type ResolvedAuthScheme =
  | ResolvedOAuth2
  | ResolvedApiKey
  | ResolvedBasic
  | ResolvedTokenExchange
  | ResolvedAwsSigV4
  | ResolvedJwtBearer
  | ResolvedOAuth1

/** The placeholder an API key template must contain. */
export const API_KEY_PLACEHOLDER = '{{apiKey}}'

/** The credential keys of the key, user name and password; extra fields take other keys. */
export const BUILT_IN_CREDENTIALS = ['apiKey', 'username', 'password'] as const

function resolveFields(fields: DeepReadonly<CredentialField[]> | undefined): ResolvedCredentialInput[] {
  return (fields ?? []).map((field) => ({
    key: field.key,
    label: field.label,
    secret: field.secret ?? true,
    required: field.required ?? true,
    pattern: field.pattern,
    patternMessage: field.patternMessage,
    helpText: field.helpText,
    docsUrl: field.docsUrl,
    example: field.example
  }))
}

function resolveInput(
  key: string,
  form: DeepReadonly<CredentialForm> | undefined,
  defaults: {
    label: string
    secret: boolean
    required: boolean
    helpText?: string | undefined
    pattern?: string | undefined
  }
): ResolvedCredentialInput {
  return {
    key,
    label: form?.label ?? defaults.label,
    secret: defaults.secret,
    required: defaults.required,
    pattern: form?.pattern ?? defaults.pattern,
    patternMessage: form?.patternMessage,
    helpText: form?.helpText ?? defaults.helpText,
    docsUrl: form?.docsUrl,
    example: form?.example
  }
}

function resolveApiKey(auth: DeepReadonly<ApiKeyAuth>, key: string): ResolvedApiKey {
  const input = resolveInput('apiKey', auth.input, {
    label: auth.inputLabel ?? 'API key',
    secret: true,
    required: true,
    helpText: auth.helpText,
    pattern: auth.pattern
  })
  let send: ResolvedCredentialPlacement[]
  if (auth.send !== undefined) {
    send = auth.send.map((placement) =>
      placement.in === 'basic'
        ? { in: 'basic', username: placement.username ?? '', password: placement.password ?? '' }
        : { in: placement.in, name: placement.name ?? '', value: placement.value ?? '' }
    )
  } else {
    const name = auth.name ?? 'Authorization'
    const where = auth.in ?? 'header'
    const template =
      auth.template ??
      (where === 'header' && name.toLowerCase() === 'authorization'
        ? `Bearer ${API_KEY_PLACEHOLDER}`
        : API_KEY_PLACEHOLDER)
    send = [{ in: where, name, value: template.replace(API_KEY_PLACEHOLDER, '{{credentials.apiKey}}') }]
  }
  return {
    kind: 'apiKey',
    key,
    label: auth.label ?? DEFAULT_LABELS.api_key,
    inputLabel: input.label,
    inputs: [input, ...resolveFields(auth.fields)],
    send
  }
}

function resolveBasic(auth: DeepReadonly<BasicAuth>, key: string): ResolvedBasic {
  const username = resolveInput('username', auth.username, {
    label: auth.usernameLabel ?? 'Username',
    secret: false,
    required: true,
    helpText: auth.helpText
  })
  const password = resolveInput('password', auth.password, {
    label: auth.passwordLabel ?? 'Password',
    secret: true,
    required: auth.password?.required ?? auth.passwordRequired ?? true
  })
  const asked = [
    ...(auth.username?.value === undefined ? [username] : []),
    ...(auth.password?.value === undefined ? [password] : [])
  ]
  return {
    kind: 'basic',
    key,
    label: auth.label ?? DEFAULT_LABELS.basic,
    usernameLabel: username.label,
    passwordLabel: password.label,
    inputs: [...asked, ...resolveFields(auth.fields)],
    send: [
      {
        in: 'basic',
        username: auth.username?.value ?? '{{credentials.username}}',
        password: auth.password?.value ?? '{{credentials.password}}'
      }
    ]
  }
}

/** A scheme's key when the definition gives none. */
export function defaultSchemeKey(auth: {
  readonly kind: AuthSchemeDefinition['kind']
  readonly grant?: string
}): string {
  if (auth.kind === 'oauth2') return auth.grant === 'authorization_code' ? 'oauth2' : 'client_credentials'
  if (auth.kind === 'tokenExchange') return 'token_exchange'
  if (auth.kind === 'awsSigV4') return 'aws_sigv4'
  if (auth.kind === 'jwtBearer') return 'jwt_bearer'
  if (auth.kind === 'oauth1') return 'oauth1'
  return auth.kind === 'apiKey' ? 'api_key' : 'basic'
}

const DEFAULT_LABELS = {
  oauth2: 'OAuth 2.0',
  client_credentials: 'OAuth 2.0 client credentials',
  api_key: 'API key',
  basic: 'Username and password',
  token_exchange: 'Sign in',
  aws_sigv4: 'AWS access key',
  jwt_bearer: 'Service account',
  oauth1: 'OAuth 1.0a'
} as const

function resolveRevoke(request: Readonly<RevokeRequest> | undefined): ResolvedRevokeRequest {
  const format = request?.format ?? 'form'
  return {
    method: request?.method ?? 'POST',
    authentication: request?.authentication ?? 'client',
    format,
    tokenParam: request?.tokenParam ?? 'token',
    token: request?.token ?? 'refresh',
    tokenTypeHint: request?.tokenTypeHint ?? format === 'form',
    clientAuthMethod: request?.clientAuthMethod,
    clientSecretHeader:
      request?.clientSecretHeader === undefined
        ? undefined
        : { name: request.clientSecretHeader.name, prefix: request.clientSecretHeader.prefix ?? '' },
    params: request?.params ?? {}
  }
}

function resolveOAuth2Base(
  auth: DeepReadonly<OAuth2AuthorizationCodeAuth | OAuth2ClientCredentialsAuth>
): Omit<ResolvedOAuth2Base, 'key' | 'label'> {
  return {
    kind: 'oauth2',
    tokenUrl: auth.tokenUrl,
    revokeUrl: auth.revokeUrl,
    revoke: resolveRevoke(auth.revokeRequest),
    issuer: auth.issuer,
    scopes: auth.scopes ?? {},
    defaultScopes: auth.defaultScopes ?? [],
    scopeDelimiter: (auth.scopeDelimiter ?? OAUTH2_DEFAULTS.scopeDelimiter) as ScopeDelimiter,
    scopeIncludes: auth.scopeIncludes ?? {},
    clientAuthMethod: (auth.clientAuthMethod ?? OAUTH2_DEFAULTS.clientAuthMethod) as ClientAuthMethod,
    clientAssertionAudience: auth.clientAssertionAudience,
    clientOwnership: (auth.clientOwnership ?? OAUTH2_DEFAULTS.clientOwnership) as 'developer' | 'customer',
    clientFields: {
      clientId: resolveClientField(auth.clientFields?.clientId),
      clientSecret: resolveClientField(auth.clientFields?.clientSecret)
    },
    tokenRequestFormat: auth.tokenRequestFormat ?? OAUTH2_DEFAULTS.tokenRequestFormat,
    tokenParams: auth.tokenParams ?? {},
    tokenHeaders: auth.tokenHeaders ?? {},
    accessTokenPath: auth.tokenResponse?.accessTokenPath,
    keepFields: auth.tokenResponse?.keepFields ?? [],
    expiry: resolveExpiry(auth.tokenResponse)
  }
}

/**
 * Applies the defaults of an OAuth 2.0 authorization code auth, so that callers never
 * repeat them. Offline-access authorize params are merged into `authorizeParams`.
 */
export function resolveOAuth2(auth: DeepReadonly<OAuth2AuthorizationCodeAuth>): ResolvedOAuth2AuthorizationCode {
  const key = auth.key ?? 'oauth2'
  return {
    ...resolveOAuth2Base(auth),
    key,
    label: auth.label ?? DEFAULT_LABELS.oauth2,
    grant: 'authorization_code',
    authorizeUrl: auth.authorizeUrl,
    refreshUrl: auth.refreshUrl ?? auth.tokenUrl,
    customerSelectsScopes: auth.customerSelectsScopes ?? OAUTH2_DEFAULTS.customerSelectsScopes,
    pkce: auth.pkce ?? OAUTH2_DEFAULTS.pkce,
    scopeParam: auth.scopeParam ?? 'scope',
    authorizeParams: { ...auth.offlineAccess?.authorizeParams, ...auth.authorizeParams },
    refreshParams: auth.refreshParams ?? {},
    refreshHeaders: auth.refreshHeaders ?? {},
    callbackParams: auth.callbackParams ?? [],
    protectedResource: auth.protectedResource,
    clientRegistration: auth.clientRegistration ?? 'static',
    offlineScope: auth.offlineAccess?.scope,
    incrementalConsent:
      auth.incrementalConsent === undefined
        ? undefined
        : { authorizeParams: auth.incrementalConsent.authorizeParams ?? {} }
  }
}

function resolveOAuth1(auth: DeepReadonly<OAuth1Auth>, key: string): ResolvedOAuth1 {
  return {
    kind: 'oauth1',
    key,
    label: auth.label ?? DEFAULT_LABELS.oauth1,
    requestTokenUrl: auth.requestTokenUrl,
    authorizeUrl: auth.authorizeUrl,
    accessTokenUrl: auth.accessTokenUrl,
    signatureMethod: auth.signatureMethod ?? 'HMAC-SHA1',
    requestTokenParams: auth.requestTokenParams ?? {},
    authorizeParams: auth.authorizeParams ?? {},
    keepFields: auth.keepFields ?? [],
    revokeUrl: auth.revokeUrl
  }
}

/** Applies the defaults of any one auth scheme. */
export function resolveScheme(auth: DeepReadonly<AuthSchemeDefinition>): ResolvedAuthScheme {
  const resolved = resolveKind(auth)
  if (auth.clientCertificate === undefined) return resolved
  // A customer's certificate is typed in (pasted) with the rest of their credentials.
  if (auth.clientCertificate === 'customer' && 'inputs' in resolved)
    return { ...resolved, clientCertificate: 'customer', inputs: [...resolved.inputs, ...CLIENT_CERTIFICATE_INPUTS] }
  return { ...resolved, clientCertificate: auth.clientCertificate }
}

/** The credential keys of a client certificate the end customer pastes. */
export const CLIENT_CERTIFICATE_KEYS = { certificate: 'clientCertificate', privateKey: 'clientPrivateKey' } as const

/** What the wizard asks for when the end customer holds the client certificate. */
const CLIENT_CERTIFICATE_INPUTS: readonly ResolvedCredentialInput[] = [
  {
    key: CLIENT_CERTIFICATE_KEYS.certificate,
    label: 'Client certificate (PEM)',
    secret: false,
    required: true,
    multiline: true,
    pattern: undefined,
    patternMessage: undefined,
    helpText: 'The certificate, then its chain: the "-----BEGIN CERTIFICATE-----" blocks, pasted whole.',
    docsUrl: undefined,
    example: undefined
  },
  {
    key: CLIENT_CERTIFICATE_KEYS.privateKey,
    label: 'Private key of the certificate (PEM)',
    secret: true,
    required: true,
    multiline: true,
    pattern: undefined,
    patternMessage: undefined,
    helpText: 'The unencrypted "-----BEGIN PRIVATE KEY-----" block. It is stored encrypted and never shown again.',
    docsUrl: undefined,
    example: undefined
  }
]

/** The defaults of a scheme's own kind. */
function resolveKind(auth: DeepReadonly<AuthSchemeDefinition>): ResolvedAuthScheme {
  const key = auth.key ?? defaultSchemeKey(auth)
  switch (auth.kind) {
    case 'oauth2':
      if (auth.grant === 'authorization_code') return resolveOAuth2(auth)
      return {
        ...resolveOAuth2Base(auth),
        key,
        label: auth.label ?? DEFAULT_LABELS.client_credentials,
        grant: 'client_credentials',
        grantType: auth.grantType ?? 'client_credentials'
      }
    case 'apiKey':
      return resolveApiKey(auth, key)
    case 'basic':
      return resolveBasic(auth, key)
    case 'jwtBearer':
      return {
        kind: 'jwtBearer',
        key,
        label: auth.label ?? DEFAULT_LABELS.jwt_bearer,
        tokenUrl: auth.tokenUrl,
        serviceAccount: auth.serviceAccount === true,
        inputs:
          auth.serviceAccount === true
            ? [
                {
                  key: 'serviceAccountKey',
                  label: 'Service account key (JSON)',
                  secret: true,
                  required: true,
                  multiline: true,
                  pattern: undefined,
                  patternMessage: undefined,
                  helpText: 'The JSON key file of the service account, pasted whole.',
                  docsUrl: undefined,
                  example: undefined
                }
              ]
            : resolveFields(auth.fields),
        assertion: {
          issuer: auth.assertion.issuer,
          subject: auth.assertion.subject,
          audience: auth.assertion.audience,
          lifetimeSeconds: auth.assertion.lifetimeSeconds ?? 3600,
          claims: auth.assertion.claims ?? {}
        },
        scopes: auth.scopes ?? {},
        defaultScopes: auth.defaultScopes ?? [],
        scopeDelimiter: (auth.scopeDelimiter ?? ' ') as ScopeDelimiter,
        scopeIn: auth.scopeIn ?? 'assertion',
        accessTokenPath: auth.tokenResponse?.accessTokenPath,
        expiry: resolveExpiry(auth.tokenResponse)
      }
    case 'awsSigV4':
      return {
        kind: 'awsSigV4',
        key,
        label: auth.label ?? DEFAULT_LABELS.aws_sigv4,
        region: auth.region,
        service: auth.service,
        inputs: [
          resolveInput('accessKeyId', auth.accessKeyId, { label: 'Access key ID', secret: false, required: true }),
          resolveInput('secretAccessKey', auth.secretAccessKey, {
            label: 'Secret access key',
            secret: true,
            required: true
          }),
          ...(auth.sessionToken === true
            ? [
                resolveInput('sessionToken', undefined, {
                  label: 'Session token',
                  secret: true,
                  required: false,
                  helpText: 'Only for temporary credentials.'
                })
              ]
            : [])
        ]
      }
    case 'oauth1':
      return resolveOAuth1(auth, key)
    case 'tokenExchange':
      return {
        kind: 'tokenExchange',
        key,
        label: auth.label ?? DEFAULT_LABELS.token_exchange,
        inputs: resolveFields(auth.fields),
        request: {
          url: auth.request.url,
          method: auth.request.method ?? 'POST',
          format: auth.request.format ?? 'json',
          body: auth.request.body ?? {},
          headers: auth.request.headers ?? {}
        },
        response: {
          tokenPath: auth.response.tokenPath,
          expiry: resolveExpiry(auth.response),
          lifetimeSeconds: auth.response.lifetimeSeconds
        },
        logout: auth.logout === undefined ? undefined : { url: auth.logout.url, method: auth.logout.method ?? 'POST' }
      }
  }
}

/** Every scheme a connector offers, defaults applied, in the order declared (the first is the default). */
export function resolveAuthSchemes(
  definition: Pick<ConnectorDefinition | ConnectorDefinitionJson, 'auth'>
): readonly ResolvedAuthScheme[] {
  const auth: DeepReadonly<AuthDefinition> = definition.auth
  const list: readonly DeepReadonly<AuthSchemeDefinition>[] = Array.isArray(auth)
    ? auth
    : [auth as DeepReadonly<AuthSchemeDefinition>]
  return list.map(resolveScheme)
}

/**
 * One scheme of a connector: the one with this key, or the first when no key is given
 * (connections made before a connector offered several). `undefined` for an unknown key.
 */
export function resolveAuthScheme(
  definition: Pick<ConnectorDefinition | ConnectorDefinitionJson, 'auth'>,
  key?: string | null
): ResolvedAuthScheme | undefined {
  const schemes = resolveAuthSchemes(definition)
  return key === undefined || key === null ? schemes[0] : schemes.find((scheme) => scheme.key === key)
}

/** Whether connecting sends the end customer to the provider's page: OAuth 2.0 authorization code and OAuth 1.0a. */
export function isRedirectScheme(
  scheme: ResolvedAuthScheme
): scheme is ResolvedOAuth2AuthorizationCode | ResolvedOAuth1 {
  return (scheme.kind === 'oauth2' && scheme.grant === 'authorization_code') || scheme.kind === 'oauth1'
}

/**
 * Whether the scheme runs on the tenant's own app at the provider (client id and secret set
 * with `PUT /v1/connectors/:key/app`): developer-owned OAuth 2.0, and OAuth 1.0a's consumer.
 */
export function usesTenantApp(scheme: ResolvedAuthScheme): scheme is ResolvedOAuth2 | ResolvedOAuth1 {
  return (scheme.kind === 'oauth2' && scheme.clientOwnership === 'developer') || scheme.kind === 'oauth1'
}

/** Where the token goes on API calls, with defaults applied. */
export function resolveTokenPlacement(placement: TokenPlacement | undefined): Required<TokenPlacement> {
  if (placement === undefined) return DEFAULT_TOKEN_PLACEMENT
  if (placement.in === 'query') return { in: 'query', name: placement.name ?? 'access_token', prefix: '' }
  const name = placement.name ?? 'Authorization'
  return { in: 'header', name, prefix: placement.prefix ?? (name.toLowerCase() === 'authorization' ? 'Bearer ' : '') }
}

/** A verification's requests in order: its `steps`, or itself as the one step. */
export function resolveVerificationSteps(
  verification: DeepReadonly<VerificationDefinition> | undefined
): readonly DeepReadonly<VerificationStep>[] {
  if (verification === undefined) return []
  if (verification.steps !== undefined) return verification.steps
  const { steps: _steps, ...step } = verification
  return [{ ...step, path: step.path ?? '/' }]
}

/** Every identity name a verification keeps, across its steps. */
export function verificationIdentityNames(verification: DeepReadonly<VerificationDefinition> | undefined): string[] {
  return resolveVerificationSteps(verification).flatMap((step) => Object.keys(step.identity ?? {}))
}
