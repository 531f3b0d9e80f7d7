import Type from 'typebox'
import type { Static } from 'typebox'

/**
 * Custom schema keyword read by the issue formatter: the sentence shown when a `pattern`
 * check fails, instead of the raw regular expression.
 */
export const PATTERN_MESSAGE = 'x-patternMessage'

const KEY_PATTERN = '^[a-z][a-z0-9-]{0,62}$'
const FIELD_KEY_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,62}$'

const ConnectorKey = Type.String({
  pattern: KEY_PATTERN,
  [PATTERN_MESSAGE]: 'must be lower-case letters, digits and dashes, starting with a letter (at most 63)'
})

const FieldKey = Type.String({
  pattern: FIELD_KEY_PATTERN,
  [PATTERN_MESSAGE]: 'must be letters, digits and underscores, starting with a letter (at most 63)'
})

const NonEmpty = Type.String({ minLength: 1, maxLength: 2048 })

/** A string that may contain `{{namespace.key}}` placeholders. */
const TemplateString = Type.String({ minLength: 1, maxLength: 4096 })

const StringMap = Type.Record(Type.String({ minLength: 1 }), Type.String({ maxLength: 4096 }))

/** One option of a dropdown parameter. */
export const ParameterOptionSchema = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 256 }),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 256 }))
  },
  { additionalProperties: false }
)

/**
 * A value the end customer gives when connecting (their subdomain, their region...).
 * Usable as `{{parameters.key}}` in URLs and request params.
 *
 * @see https://help.okta.com/wf/en-us/content/topics/workflows/connector-builder/authorization-code.htm
 */
export const ParameterSchema = Type.Object(
  {
    key: FieldKey,
    label: NonEmpty,
    /** @defaultValue `"text"` */
    type: Type.Optional(Type.Enum(['text', 'password', 'dropdown'])),
    /** @defaultValue `true`: parameters are required unless said otherwise (Okta). */
    required: Type.Optional(Type.Boolean()),
    /** A regular expression the whole value must match. */
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    /** The sentence shown when the value does not match `pattern`. */
    patternMessage: Type.Optional(NonEmpty),
    helpText: Type.Optional(Type.String({ maxLength: 2048 })),
    placeholder: Type.Optional(Type.String({ maxLength: 256 })),
    default: Type.Optional(Type.String({ maxLength: 1024 })),
    /** Required for `dropdown`, refused otherwise. */
    options: Type.Optional(Type.Array(ParameterOptionSchema, { minItems: 1, maxItems: 500 }))
  },
  { additionalProperties: false }
)

/**
 * A configuration value the connector author fixes (or computes from the parameters).
 * Usable as `{{config.key}}`. In JSON definitions only static values exist; in code a
 * `compute` function may replace `value`.
 */
export const ConfigValueSchema = Type.Object(
  {
    key: FieldKey,
    label: NonEmpty,
    value: Type.Optional(Type.String({ maxLength: 4096 })),
    /** @defaultValue `false`: hidden from the end customer (Prismatic's hidden fields). */
    visible: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false }
)

/**
 * Where the access token is exchanged and what the answer looks like, beyond RFC 6749.
 */
export const TokenResponseSchema = Type.Object(
  {
    /** Dot path of the access token when it is not top level (e.g. `authed_user.access_token`). */
    accessTokenPath: Type.Optional(NonEmpty),
    /** Dot paths of extra answer fields kept on the connection (e.g. `instance_url`). */
    keepFields: Type.Optional(Type.Array(NonEmpty, { maxItems: 50, uniqueItems: true })),
    /** Dot path of the lifetime. @defaultValue `"expires_in"` */
    expiresInPath: Type.Optional(NonEmpty),
    /** The lifetime's unit; some providers send milliseconds. @defaultValue `"seconds"` */
    expiresInUnit: Type.Optional(Type.Enum(['seconds', 'milliseconds'])),
    /**
     * Dot path of an absolute expiry instead of a lifetime: an ISO-8601 date-time, or epoch
     * seconds / milliseconds as a number. Used when the answer has no lifetime.
     */
    expiresAtPath: Type.Optional(NonEmpty)
  },
  { additionalProperties: false }
)

/**
 * What an end customer must grant for a refresh token to be issued.
 * @see https://prismatic.io/docs/integrations/connections/oauth2/authorization-code/
 */
export const OfflineAccessSchema = Type.Object(
  {
    /** A scope always requested (e.g. `offline_access`). */
    scope: Type.Optional(NonEmpty),
    /** Authorize params always sent (e.g. `access_type=offline`). */
    authorizeParams: Type.Optional(StringMap)
  },
  { additionalProperties: false }
)

/**
 * OAuth 2.0 authorization code grant.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export const OAuth2AuthorizationCodeSchema = Type.Object(
  {
    kind: Type.Literal('oauth2'),
    grant: Type.Literal('authorization_code'),
    authorizeUrl: TemplateString,
    tokenUrl: TemplateString,
    /** @defaultValue the token URL */
    refreshUrl: Type.Optional(TemplateString),
    /** Called on disconnect. @see https://www.rfc-editor.org/rfc/rfc7009 */
    revokeUrl: Type.Optional(TemplateString),
    /**
     * The authorization server's issuer identifier. When set, an `iss` on the callback must
     * equal it (mix-up protection). @see https://www.rfc-editor.org/rfc/rfc9207
     */
    issuer: Type.Optional(TemplateString),
    /** Every scope the provider offers: name → description. */
    scopes: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 512 }), Type.String({ maxLength: 1024 }))),
    defaultScopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200, uniqueItems: true })),
    /** @defaultValue `" "` */
    scopeDelimiter: Type.Optional(Type.Enum([' ', ','])),
    /** Whether the end customer may pick scopes in the wizard. @defaultValue `false` */
    customerSelectsScopes: Type.Optional(Type.Boolean()),
    /** S256 PKCE. @defaultValue `true` @see https://www.rfc-editor.org/rfc/rfc7636 */
    pkce: Type.Optional(Type.Boolean()),
    /**
     * How the client authenticates at the token, refresh and revoke endpoints.
     * @defaultValue `"client_secret_basic"`
     * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
     */
    clientAuthMethod: Type.Optional(Type.Enum(['client_secret_basic', 'client_secret_post'])),
    /** Who owns the OAuth app. @defaultValue `"developer"` */
    clientOwnership: Type.Optional(Type.Enum(['developer', 'customer'])),
    /** Body encoding of token and refresh requests. @defaultValue `"form"` */
    tokenRequestFormat: Type.Optional(Type.Enum(['form', 'json'])),
    authorizeParams: Type.Optional(StringMap),
    tokenParams: Type.Optional(StringMap),
    tokenHeaders: Type.Optional(StringMap),
    refreshParams: Type.Optional(StringMap),
    refreshHeaders: Type.Optional(StringMap),
    tokenResponse: Type.Optional(TokenResponseSchema),
    /** Callback query params kept on the connection (e.g. QuickBooks' `realmId`). */
    callbackParams: Type.Optional(Type.Array(FieldKey, { maxItems: 20, uniqueItems: true })),
    offlineAccess: Type.Optional(OfflineAccessSchema)
  },
  { additionalProperties: false }
)

/**
 * Every auth kind Latchkey knows. Discriminated by `kind` (and `grant` for OAuth 2.0), so
 * client credentials, API key and basic auth join as new members without touching this one.
 */
export const AuthSchema = Type.Union([OAuth2AuthorizationCodeSchema])

/** Where the access token goes on API calls. */
export const TokenPlacementSchema = Type.Object(
  {
    /** @defaultValue `"header"` */
    in: Type.Enum(['header', 'query']),
    /** Header or query parameter name. @defaultValue `"Authorization"` for a header */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** Written before the token in a header. @defaultValue `"Bearer "` for `Authorization` */
    prefix: Type.Optional(Type.String({ maxLength: 64 }))
  },
  { additionalProperties: false }
)

/**
 * The authenticated API the connector talks to (Okta's httpHelper).
 */
export const HttpSchema = Type.Object(
  {
    /** May use `{{parameters.*}}`, `{{config.*}}` and `{{metadata.*}}` (kept token fields and callback params). */
    baseUrl: TemplateString,
    tokenPlacement: Type.Optional(TokenPlacementSchema),
    /** Statuses that mean "refresh the token and retry once". @defaultValue `[401]` */
    refreshOnStatus: Type.Optional(Type.Array(Type.Integer({ minimum: 400, maximum: 599 }), { maxItems: 10, uniqueItems: true })),
    /** Headers sent on every API call (values may use placeholders). */
    headers: Type.Optional(StringMap)
  },
  { additionalProperties: false }
)

/**
 * A connector definition as JSON: what `POST /v1/connectors` accepts and what
 * `defineConnector` validates (after setting aside computed config values).
 */
export const ConnectorDefinitionSchema = Type.Object(
  {
    key: ConnectorKey,
    name: Type.String({ minLength: 1, maxLength: 128 }),
    version: Type.String({
      pattern: '^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$',
      [PATTERN_MESSAGE]: 'must be a semantic version such as "1.0.0"'
    }),
    description: Type.Optional(Type.String({ maxLength: 2048 })),
    docsUrl: Type.Optional(Type.String({ maxLength: 2048 })),
    parameters: Type.Optional(Type.Array(ParameterSchema, { maxItems: 50 })),
    configValues: Type.Optional(Type.Array(ConfigValueSchema, { maxItems: 50 })),
    auth: AuthSchema,
    http: Type.Optional(HttpSchema)
  },
  { additionalProperties: false }
)

export type ParameterOption = Static<typeof ParameterOptionSchema>
export type ParameterDefinition = Static<typeof ParameterSchema>
export type TokenPlacement = Static<typeof TokenPlacementSchema>
export type HttpDefinition = Static<typeof HttpSchema>
export type OAuth2AuthorizationCodeAuth = Static<typeof OAuth2AuthorizationCodeSchema>
export type AuthDefinition = Static<typeof AuthSchema>
export type ScopeDelimiter = ' ' | ','
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post'

/** A config value as JSON: a static value. */
export type StaticConfigValue = Static<typeof ConfigValueSchema> & { compute?: never }

/** What a computed config value's function receives. */
export interface ConfigContext {
  readonly parameters: Readonly<Record<string, string>>
}

/** A config value computed from the end customer's parameters (code-only; not JSON). */
export interface ComputedConfigValue {
  key: string
  label: string
  visible?: boolean
  compute: (context: ConfigContext) => string
}

export type ConfigValueDefinition = StaticConfigValue | ComputedConfigValue

/** A connector definition as JSON. */
export type ConnectorDefinitionJson = Static<typeof ConnectorDefinitionSchema>

/** A connector definition as written in code: JSON plus optional computed config values. */
export type ConnectorDefinitionInput = Omit<ConnectorDefinitionJson, 'configValues'> & {
  configValues?: ConfigValueDefinition[]
}

type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T

/** A validated, frozen connector definition. */
export type ConnectorDefinition<T extends ConnectorDefinitionInput = ConnectorDefinitionInput> = DeepReadonly<T>
