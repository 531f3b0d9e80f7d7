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

/** A callback query param's name: like a field key, or with dashes as Zoho's `accounts-server`. */
const CallbackParamName = Type.String({
  pattern: '^[A-Za-z][A-Za-z0-9_-]{0,62}$',
  [PATTERN_MESSAGE]: 'must be letters, digits, underscores and dashes, starting with a letter (at most 63)'
})

const NonEmpty = Type.String({ minLength: 1, maxLength: 2048 })

const DocsUrl = Type.String({
  maxLength: 2048,
  pattern: '^https://',
  [PATTERN_MESSAGE]: 'must be an https URL'
})

/** A URL below the API's base URL (a template): `/user`, `/repos/{{input.owner}}/issues`. */
const RelativePath = Type.String({
  minLength: 1,
  maxLength: 2048,
  pattern: '^/',
  [PATTERN_MESSAGE]: 'must be a relative URL starting with "/"'
})

/** A string that may contain `{{namespace.key}}` placeholders. */
const TemplateString = Type.String({ minLength: 1, maxLength: 4096 })

const StringMap = Type.Record(Type.String({ minLength: 1 }), Type.String({ maxLength: 4096 }))

/** One option of a dropdown parameter. */
export const ParameterOptionSchema = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 256 }),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    /**
     * A lookup table: values this option stands for, usable as `{{parameters.<key>.<name>}}`
     * (region `eu` → `{ "accountsHost": "accounts.zoho.eu" }`). Every option of a parameter
     * names the same values.
     */
    values: Type.Optional(Type.Record(FieldKey, Type.String({ minLength: 1, maxLength: 1024 })))
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
    /**
     * `password` values are stored encrypted and never shown again; `port` takes 1–65535 and
     * may stand after a host (`https://{{parameters.host}}:{{parameters.port}}`).
     * @defaultValue `"text"`
     */
    type: Type.Optional(Type.Enum(['text', 'password', 'dropdown', 'port'])),
    /** @defaultValue `true`: parameters are required unless said otherwise (Okta). */
    required: Type.Optional(Type.Boolean()),
    /** A regular expression the whole value must match. */
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    /** The sentence shown when the value does not match `pattern`. */
    patternMessage: Type.Optional(NonEmpty),
    helpText: Type.Optional(Type.String({ maxLength: 2048 })),
    /** A page of the provider's documentation saying where to find the value. */
    docsUrl: Type.Optional(DocsUrl),
    /** A value of the right shape, shown in the empty field. */
    example: Type.Optional(Type.String({ maxLength: 256 })),
    placeholder: Type.Optional(Type.String({ maxLength: 256 })),
    /** Used when the end customer leaves the parameter empty (a production host that may be a sandbox one). */
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
 * The provider adds newly granted scopes to those granted before (Google's
 * `include_granted_scopes=true`): asking an existing connection for more scopes then sends
 * only the missing ones, with these authorize params. Without it, such a reconnect asks for
 * every scope again.
 * @see https://developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth
 */
export const IncrementalConsentSchema = Type.Object(
  {
    authorizeParams: Type.Optional(StringMap)
  },
  { additionalProperties: false }
)

/** A scheme's identity when a connector offers several (`auth` is then a list). */
const SchemeKey = Type.String({
  pattern: '^[a-z][a-z0-9_]{0,31}$',
  [PATTERN_MESSAGE]: 'must be lower-case letters, digits and underscores, starting with a letter (at most 32)'
})
const schemeIdentity = {
  /** Recorded on each connection. @defaultValue `oauth2`, `client_credentials`, `api_key` or `basic` */
  key: Type.Optional(SchemeKey),
  /** What the end customer sees when choosing. @defaultValue by kind, e.g. `"API key"` */
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  /**
   * A client certificate (mutual TLS) presented on every request of this scheme: at the
   * token endpoint and on API calls. `app`: the tenant's app holds it (PEM certificate and
   * private key, set with `PUT /v1/connectors/:key/app`), the same for every connection.
   * `customer`: the end customer pastes theirs with the credentials they type in (schemes
   * with typed-in credentials only), as `{{credentials.clientCertificate}}` and
   * `{{credentials.clientPrivateKey}}`.
   * @see https://www.rfc-editor.org/rfc/rfc8705
   */
  clientCertificate: Type.Optional(Type.Enum(['app', 'customer']))
}

/**
 * A revocation request that is not RFC 7009 (Dropbox, Slack and Zendesk take the token as a
 * bearer credential; QuickBooks and Notion want a JSON body).
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export const RevokeRequestSchema = Type.Object(
  {
    /** @defaultValue `"POST"` */
    method: Type.Optional(Type.Enum(['POST', 'DELETE'])),
    /** `client`: the client authenticates as at the token endpoint; `bearer`: the token itself is the credential. @defaultValue `"client"` */
    authentication: Type.Optional(Type.Enum(['client', 'bearer'])),
    /**
     * `none`: no body at all (the bearer header says which token); `query`: the token in the
     * URL's query string and no body of its own (Zoho's `…/token/revoke?token=`).
     * @defaultValue `"form"`
     */
    format: Type.Optional(Type.Enum(['form', 'json', 'query', 'none'])),
    /** Name of the body field (or query parameter) carrying the token. @defaultValue `"token"` */
    tokenParam: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Which token is revoked; revoking a refresh token ends the whole grant at most providers. @defaultValue `"refresh"` */
    token: Type.Optional(Type.Enum(['refresh', 'access'])),
    /** Send `token_type_hint`. @defaultValue `true` for form bodies */
    tokenTypeHint: Type.Optional(Type.Boolean()),
    /** How the client authenticates here when it differs from the token endpoint (GitHub: Basic). @defaultValue the scheme's `clientAuthMethod` */
    clientAuthMethod: Type.Optional(Type.Enum(['client_secret_basic', 'client_secret_post'])),
    /**
     * The client secret alone in a header of its own instead (Square's RevokeToken:
     * `Authorization: Client <secret>`); neither Basic nor body credentials are sent then.
     */
    clientSecretHeader: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9-]+$' }),
          /** Written before the secret, e.g. `"Client "`. */
          prefix: Type.Optional(Type.String({ maxLength: 64 }))
        },
        { additionalProperties: false }
      )
    ),
    /** More body fields (templates: `{{client.id}}`, `{{parameters.*}}`, `{{config.*}}`), e.g. Square's `client_id`. */
    params: Type.Optional(StringMap)
  },
  { additionalProperties: false }
)

/** The form of a customer-owned client's id or secret in the wizard. */
const ClientFieldFormSchema = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    helpText: Type.Optional(Type.String({ maxLength: 2048 })),
    docsUrl: Type.Optional(DocsUrl),
    example: Type.Optional(Type.String({ maxLength: 256 }))
  },
  { additionalProperties: false }
)

const clientAuthMethod = Type.Enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'tls_client_auth'])

/** Fields every OAuth 2.0 grant shares: the token request and its answer. */
const oauth2Common = {
  ...schemeIdentity,
  kind: Type.Literal('oauth2'),
  /**
   * The token URL. May be left out when `issuer` is set: it is then discovered.
   * @see https://www.rfc-editor.org/rfc/rfc8414
   */
  tokenUrl: Type.Optional(TemplateString),
  /** Called on disconnect. @see https://www.rfc-editor.org/rfc/rfc7009 */
  revokeUrl: Type.Optional(TemplateString),
  /** How the revoke URL is called when it is not plain RFC 7009. */
  revokeRequest: Type.Optional(RevokeRequestSchema),
  /**
   * The authorization server's issuer identifier. URLs left out are read from its
   * RFC 8414 / OpenID Connect metadata (whose `issuer` must equal this), and an `iss` on the
   * callback must equal it (mix-up protection).
   * @see https://www.rfc-editor.org/rfc/rfc9207
   */
  issuer: Type.Optional(TemplateString),
  /** Every scope the provider offers: name → description. */
  scopes: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 512 }), Type.String({ maxLength: 1024 }))),
  defaultScopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200, uniqueItems: true })),
  /** @defaultValue `" "` */
  scopeDelimiter: Type.Optional(Type.Enum([' ', ','])),
  /**
   * Scopes that grant others too (Box's `root_readwrite` covers `root_readonly`): a
   * connection granted the wider scope may run actions that need the narrower one, and a
   * request naming both asks for the wider only.
   */
  scopeIncludes: Type.Optional(
    Type.Record(
      Type.String({ minLength: 1, maxLength: 512 }),
      Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { minItems: 1, maxItems: 200, uniqueItems: true })
    )
  ),
  /**
   * How the client authenticates at the token, refresh and revoke endpoints. With
   * `private_key_jwt` the client secret is a private key (PKCS #8 PEM or a JWK); with
   * `tls_client_auth` the client certificate authenticates it (only `client_id` is sent, the
   * app has no secret) and `clientCertificate` must say who holds it.
   * @defaultValue `"client_secret_basic"`
   * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
   * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
   * @see https://www.rfc-editor.org/rfc/rfc8705#section-2.1
   */
  clientAuthMethod: Type.Optional(clientAuthMethod),
  /**
   * The `aud` of `private_key_jwt` client assertions, for servers that want it other than
   * their token URL: Auth0 wants the tenant's URL with its trailing slash
   * (`https://{{parameters.domain}}/`). May use `{{parameters.*}}` and `{{config.*}}`.
   * @defaultValue the token URL
   * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
   * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt
   */
  clientAssertionAudience: Type.Optional(TemplateString),
  /** Who owns the OAuth app. @defaultValue `"developer"` */
  clientOwnership: Type.Optional(Type.Enum(['developer', 'customer'])),
  /**
   * How the wizard asks a customer-owned client's id and secret: what the provider calls
   * them and where to find them (`clientOwnership: "customer"` only).
   */
  clientFields: Type.Optional(
    Type.Object(
      { clientId: Type.Optional(ClientFieldFormSchema), clientSecret: Type.Optional(ClientFieldFormSchema) },
      { additionalProperties: false }
    )
  ),
  /**
   * How token and refresh requests carry their parameters: a form body, a JSON body, or
   * `query`: every parameter (the code, and with `client_secret_post` the client's id and
   * secret) in the token URL's query string and no body, as ClickUp documents its token
   * request (`POST https://api.clickup.com/api/v2/oauth/token?client_id=…&client_secret=…&code=…`).
   * @defaultValue `"form"`
   * @see https://developer.clickup.com/reference/getaccesstoken
   */
  tokenRequestFormat: Type.Optional(Type.Enum(['form', 'json', 'query'])),
  tokenParams: Type.Optional(StringMap),
  tokenHeaders: Type.Optional(StringMap),
  tokenResponse: Type.Optional(TokenResponseSchema)
}

/**
 * OAuth 2.0 authorization code grant.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export const OAuth2AuthorizationCodeSchema = Type.Object(
  {
    ...oauth2Common,
    grant: Type.Literal('authorization_code'),
    /** May be left out when `issuer` is set: it is then discovered. */
    authorizeUrl: Type.Optional(TemplateString),
    /** @defaultValue the token URL */
    refreshUrl: Type.Optional(TemplateString),
    /** Whether the end customer may pick scopes in the wizard. @defaultValue `false` */
    customerSelectsScopes: Type.Optional(Type.Boolean()),
    /** S256 PKCE. @defaultValue `true` @see https://www.rfc-editor.org/rfc/rfc7636 */
    pkce: Type.Optional(Type.Boolean()),
    /**
     * The authorize URL's query param carrying the scopes (Slack's user tokens: `user_scope`).
     * @defaultValue `"scope"`
     */
    scopeParam: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' })),
    authorizeParams: Type.Optional(StringMap),
    refreshParams: Type.Optional(StringMap),
    refreshHeaders: Type.Optional(StringMap),
    /**
     * The protected resource the tokens are for: an MCP server's URL (may use
     * `{{parameters.*}}`, for servers the end customer names). Its RFC 9728 metadata names
     * the authorization server, whose RFC 8414 metadata gives every URL left out; RFC 8707
     * `resource` is sent on the authorize, token and refresh requests, so the token is for
     * this resource alone. Not with `issuer`: the resource names its own.
     * @see https://www.rfc-editor.org/rfc/rfc9728
     * @see https://www.rfc-editor.org/rfc/rfc8707
     * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization
     */
    protectedResource: Type.Optional(TemplateString),
    /**
     * How the OAuth client comes to exist. `dynamic`: Latchkey registers one at the
     * authorization server (RFC 7591) the first time a tenant connects there, keeps it
     * encrypted and reuses it for every connection of that tenant to that server, so the
     * tenant sets no app (an app the tenant sets anyway is used instead). Needs `issuer` or
     * `protectedResource`, whose metadata gives the `registration_endpoint`.
     * @defaultValue `"static"`
     * @see https://www.rfc-editor.org/rfc/rfc7591
     */
    clientRegistration: Type.Optional(Type.Enum(['static', 'dynamic'])),
    /** Callback query params kept on the connection as `{{metadata.*}}` (QuickBooks' `realmId`, Zoho's `accounts-server`). */
    callbackParams: Type.Optional(Type.Array(CallbackParamName, { maxItems: 20, uniqueItems: true })),
    offlineAccess: Type.Optional(OfflineAccessSchema),
    incrementalConsent: Type.Optional(IncrementalConsentSchema)
  },
  { additionalProperties: false }
)

/**
 * OAuth 2.0 client credentials grant: no browser, no refresh token. The token is fetched
 * on first use, cached, and fetched again before it expires or when the API refuses it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export const OAuth2ClientCredentialsSchema = Type.Object(
  {
    ...oauth2Common,
    grant: Type.Literal('client_credentials'),
    /**
     * The `grant_type` sent, for providers whose two-legged grant has a name of its own
     * (Zoom's Server-to-Server OAuth: `account_credentials`, with `account_id` in `tokenParams`).
     * @defaultValue `"client_credentials"`
     * @see https://developers.zoom.us/docs/internal-apps/s2s-oauth/
     */
    grantType: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z][A-Za-z0-9_.:-]{0,127}$',
        [PATTERN_MESSAGE]: 'must be a grant type name such as "account_credentials"'
      })
    )
  },
  { additionalProperties: false }
)

/** How the wizard asks for one value the end customer types in. */
const credentialForm = {
  /** What the field is called. */
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  /** Where to find it, shown under the field. */
  helpText: Type.Optional(Type.String({ maxLength: 2048 })),
  /** A page of the provider's documentation about it, linked beside the field. */
  docsUrl: Type.Optional(DocsUrl),
  /** A value of the right shape, shown in the empty field (never a real one). */
  example: Type.Optional(Type.String({ maxLength: 256 })),
  /** A regular expression the whole value must match (e.g. `sk_(live|test)_.+`). */
  pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  /** The sentence shown when the value does not match `pattern`. */
  patternMessage: Type.Optional(Type.String({ minLength: 1, maxLength: 512 }))
}

/** The form of the API key itself. */
export const CredentialFormSchema = Type.Object(credentialForm, { additionalProperties: false })

/**
 * A basic-auth user name or password: asked for with a form, or fixed by the connector
 * (`value`: Freshdesk's password `X`, an account SID from `{{parameters.accountSid}}`,
 * an empty password) and then not asked at all.
 */
export const CredentialInputSchema = Type.Object(
  {
    ...credentialForm,
    /** A fixed value (may use `{{parameters.*}}`, `{{config.*}}` and `{{credentials.*}}`); the field is then not shown. */
    value: Type.Optional(Type.String({ maxLength: 1024 })),
    /** Whether it may be left empty (passwords only). @defaultValue `true` */
    required: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false }
)

/** A value typed in beside the key (Datadog's application key, a secret beside a key id), as `{{credentials.<key>}}`. */
export const CredentialFieldSchema = Type.Object(
  {
    key: FieldKey,
    ...credentialForm,
    label: Type.String({ minLength: 1, maxLength: 128 }),
    /** Masked in the wizard. Every credential is stored encrypted either way. @defaultValue `true` */
    secret: Type.Optional(Type.Boolean()),
    /** @defaultValue `true` */
    required: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false }
)

/**
 * One place a typed-in credential is sent on every API call. `value`, `username` and
 * `password` are templates over `{{credentials.*}}`, `{{parameters.*}}`, `{{config.*}}`
 * and `{{now.*}}`, with functions such as `base64(...)`.
 * - `header`: `name: value` (`Authorization: Token token={{credentials.apiKey}}`);
 * - `query`: `?name=value`;
 * - `body`: a field `name` merged into the JSON object body of requests that carry one;
 * - `basic`: `Authorization: Basic` of `username:password`.
 */
export const CredentialPlacementSchema = Type.Object(
  {
    in: Type.Enum(['header', 'query', 'body', 'basic']),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    value: Type.Optional(TemplateString),
    username: Type.Optional(TemplateString),
    password: Type.Optional(Type.String({ maxLength: 4096 }))
  },
  { additionalProperties: false }
)

/**
 * A static API key the end customer pastes in, sent in a header or the query on every call.
 * @see https://swagger.io/docs/specification/v3_0/authentication/api-keys/
 */
export const ApiKeySchema = Type.Object(
  {
    ...schemeIdentity,
    kind: Type.Literal('apiKey'),
    /** @defaultValue `"header"` */
    in: Type.Optional(Type.Enum(['header', 'query'])),
    /** Header or query parameter name. @defaultValue `"Authorization"` */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** The value sent, with `{{apiKey}}` where the key goes. @defaultValue `"Bearer {{apiKey}}"` for `Authorization`, else `"{{apiKey}}"` */
    template: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    /** What the wizard calls the key. @defaultValue `"API key"` */
    inputLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** Where the end customer finds the key. */
    helpText: Type.Optional(Type.String({ maxLength: 2048 })),
    /** A regular expression the whole key must match (e.g. `sk_(live|test)_.+`). */
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    /** The key's form in full (label, help, documentation link, example, pattern); instead of `inputLabel`, `helpText` and `pattern`. */
    input: Type.Optional(CredentialFormSchema),
    /** Values typed in beside the key. */
    fields: Type.Optional(Type.Array(CredentialFieldSchema, { minItems: 1, maxItems: 10 })),
    /**
     * Every place the credentials go, instead of `in`, `name` and `template`: several at
     * once (a key header and an application key header), a JSON body field, the basic-auth
     * user name.
     */
    send: Type.Optional(Type.Array(CredentialPlacementSchema, { minItems: 1, maxItems: 5 }))
  },
  { additionalProperties: false }
)

/**
 * HTTP Basic authentication with the end customer's user name and password (or an API key
 * as the user name and no password, as Stripe allows).
 * @see https://www.rfc-editor.org/rfc/rfc7617
 */
export const BasicAuthSchema = Type.Object(
  {
    ...schemeIdentity,
    kind: Type.Literal('basic'),
    /** @defaultValue `"Username"` */
    usernameLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** @defaultValue `"Password"` */
    passwordLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** `false` when the key is the user name and the password stays empty. @defaultValue `true` */
    passwordRequired: Type.Optional(Type.Boolean()),
    helpText: Type.Optional(Type.String({ maxLength: 2048 })),
    /** The user name's form in full, or a fixed user name; instead of `usernameLabel` and `helpText`. */
    username: Type.Optional(CredentialInputSchema),
    /** The password's form in full, or a fixed password (`"X"`, `""`); instead of `passwordLabel` and `passwordRequired`. */
    password: Type.Optional(CredentialInputSchema),
    /** Values typed in beside the user name and password. */
    fields: Type.Optional(Type.Array(CredentialFieldSchema, { minItems: 1, maxItems: 10 }))
  },
  { additionalProperties: false }
)

/**
 * The login request of a token exchange: the typed-in credentials posted to the provider's
 * login or token endpoint. Body keys with dots build nested JSON
 * (`"credentials.name": "{{credentials.username}}"` → `{"credentials":{"name":…}}`).
 */
export const LoginRequestSchema = Type.Object(
  {
    /** May use `{{parameters.*}}` and `{{config.*}}` (never a credential: URLs get logged). */
    url: TemplateString,
    /** @defaultValue `"POST"` */
    method: Type.Optional(Type.Enum(['POST', 'PUT', 'GET'])),
    /** @defaultValue `"json"` */
    format: Type.Optional(Type.Enum(['json', 'form'])),
    /** Templates over `{{credentials.*}}`, `{{parameters.*}}`, `{{config.*}}` and `{{now.*}}`. */
    body: Type.Optional(StringMap),
    /** Same templates, e.g. `Authorization: Basic {{base64(credentials.username, ":", credentials.password)}}`. */
    headers: Type.Optional(StringMap)
  },
  { additionalProperties: false }
)

/** Where the login answer has the token and how long it lasts. */
export const LoginResponseSchema = Type.Object(
  {
    /** Dot path of the token in the JSON answer, e.g. `token` or `data.session_id`. */
    tokenPath: NonEmpty,
    /** Dot path of its lifetime. */
    expiresInPath: Type.Optional(NonEmpty),
    /** @defaultValue `"seconds"` */
    expiresInUnit: Type.Optional(Type.Enum(['seconds', 'milliseconds'])),
    /** Dot path of an absolute expiry (ISO 8601, or epoch seconds / milliseconds), read when the answer has no lifetime. */
    expiresAtPath: Type.Optional(NonEmpty),
    /** A fixed lifetime when the answer says none (a session documented to last 240 minutes). */
    lifetimeSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 31_536_000 }))
  },
  { additionalProperties: false }
)

/**
 * Where a session is ended when the connection is disconnected (Jamf Pro's
 * `POST /api/v1/auth/invalidate-token`, Tableau's `POST /api/{version}/auth/signout`): the
 * session token goes on it as on API calls (`http.tokenPlacement`).
 */
export const LogoutRequestSchema = Type.Object(
  {
    /** May use `{{parameters.*}}` and `{{config.*}}`. */
    url: TemplateString,
    /** @defaultValue `"POST"` */
    method: Type.Optional(Type.Enum(['POST', 'DELETE']))
  },
  { additionalProperties: false }
)

/**
 * A token exchange ("two-step"): what the end customer types in is posted to a login or
 * token endpoint, and the session token it answers is sent on API calls where
 * `http.tokenPlacement` says (default `Authorization: Bearer`). The token is fetched on
 * first use, again when it expires or the API refuses it, in single flight like a refresh.
 */
export const TokenExchangeSchema = Type.Object(
  {
    ...schemeIdentity,
    kind: Type.Literal('tokenExchange'),
    /** What is typed in, as `{{credentials.<key>}}` in the login request. */
    fields: Type.Array(CredentialFieldSchema, { minItems: 1, maxItems: 10 }),
    request: LoginRequestSchema,
    response: LoginResponseSchema,
    /** Ends the session on disconnect; without it the session is left to expire. */
    logout: Type.Optional(LogoutRequestSchema)
  },
  { additionalProperties: false }
)

/**
 * AWS Signature Version 4: every API call is signed with the end customer's access key
 * (and the session token of temporary credentials) for one region and service.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export const AwsSigV4Schema = Type.Object(
  {
    ...schemeIdentity,
    kind: Type.Literal('awsSigV4'),
    /** The region signed for, e.g. `{{parameters.region}}` or `us-east-1`. */
    region: TemplateString,
    /** The service's signing name, e.g. `execute-api`, `s3`, `sts`. */
    service: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[a-z0-9-]+$',
      [PATTERN_MESSAGE]: 'must be a signing name: lower-case letters, digits and dashes (e.g. "execute-api")'
    }),
    /** The access key id's form. @defaultValue `"Access key ID"` */
    accessKeyId: Type.Optional(CredentialFormSchema),
    /** The secret access key's form. @defaultValue `"Secret access key"` */
    secretAccessKey: Type.Optional(CredentialFormSchema),
    /** Whether a session token may be given too (temporary credentials). @defaultValue `false` */
    sessionToken: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false }
)

/**
 * The JWT a JWT bearer grant signs. Claims are templates over `{{credentials.*}}`,
 * `{{parameters.*}}`, `{{config.*}}` and `{{now.*}}`.
 */
export const AssertionSchema = Type.Object(
  {
    /** `iss`, e.g. `{{credentials.client_email}}`. */
    issuer: TemplateString,
    /** `sub`, e.g. the user a service account acts for. */
    subject: Type.Optional(TemplateString),
    /** `aud`. @defaultValue the token URL */
    audience: Type.Optional(TemplateString),
    /** Seconds between `iat` and `exp`. @defaultValue `3600` */
    lifetimeSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
    /** More claims, e.g. Salesforce-style `{ "prn": … }`. */
    claims: Type.Optional(StringMap)
  },
  { additionalProperties: false }
)

/**
 * JWT bearer assertion grant (RFC 7523 §2.1) with a private key the end customer gives:
 * a Google-style service account key (JSON, pasted or uploaded) or typed-in fields one of
 * which is `privateKey` (PKCS #8 PEM or a private JWK). The token is fetched on first use
 * and again before it expires, like client credentials; there is no refresh token.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.1
 * @see https://developers.google.com/identity/protocols/oauth2/service-account#httprest
 */
export const JwtBearerSchema = Type.Object(
  {
    ...schemeIdentity,
    kind: Type.Literal('jwtBearer'),
    tokenUrl: TemplateString,
    /**
     * The credential is a service account key file: JSON with `type: "service_account"`,
     * `client_email` and `private_key`; its fields become `{{credentials.client_email}}`,
     * `{{credentials.private_key_id}}`, `{{credentials.project_id}}`…
     */
    serviceAccount: Type.Optional(Type.Boolean()),
    /** Otherwise what is typed in; one field must be `privateKey`. */
    fields: Type.Optional(Type.Array(CredentialFieldSchema, { minItems: 1, maxItems: 10 })),
    assertion: AssertionSchema,
    scopes: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 512 }), Type.String({ maxLength: 1024 }))),
    defaultScopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200, uniqueItems: true })),
    /** @defaultValue `" "` */
    scopeDelimiter: Type.Optional(Type.Enum([' ', ','])),
    /** Where the scopes go: the assertion's `scope` claim (Google) or the request's `scope` param. @defaultValue `"assertion"` */
    scopeIn: Type.Optional(Type.Enum(['assertion', 'request'])),
    tokenResponse: Type.Optional(TokenResponseSchema)
  },
  { additionalProperties: false }
)

/**
 * OAuth 1.0a, three-legged: a request token from `requestTokenUrl`, the end customer
 * approves at `authorizeUrl`, the verifier is exchanged at `accessTokenUrl`, and every API
 * call is signed with the consumer (the tenant's app: key as client id, secret as client
 * secret, or an RSA private key in PEM for `RSA-SHA1`) and the access token. Tokens do not
 * expire and are not refreshed.
 * @see https://www.rfc-editor.org/rfc/rfc5849
 */
export const OAuth1Schema = Type.Object(
  {
    ...schemeIdentity,
    kind: Type.Literal('oauth1'),
    /** Temporary credentials. @see https://www.rfc-editor.org/rfc/rfc5849#section-2.1 */
    requestTokenUrl: TemplateString,
    /** Where the end customer approves. @see https://www.rfc-editor.org/rfc/rfc5849#section-2.2 */
    authorizeUrl: TemplateString,
    /** Token credentials. @see https://www.rfc-editor.org/rfc/rfc5849#section-2.3 */
    accessTokenUrl: TemplateString,
    /** @defaultValue `"HMAC-SHA1"` @see https://www.rfc-editor.org/rfc/rfc5849#section-3.4 */
    signatureMethod: Type.Optional(Type.Enum(['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'PLAINTEXT'])),
    /** Extra query params of the request-token call (Google's `scope`, X's `x_auth_access_type`). */
    requestTokenParams: Type.Optional(StringMap),
    /** Extra query params of the authorize URL (Trello's `name`, `scope`, `expiration`). */
    authorizeParams: Type.Optional(StringMap),
    /** Fields of the access-token answer kept on the connection as `{{metadata.*}}` (X's `user_id`, `screen_name`). */
    keepFields: Type.Optional(Type.Array(FieldKey, { maxItems: 20, uniqueItems: true })),
    /** Called on disconnect with a signed `POST` (X's `oauth/invalidate_token`). */
    revokeUrl: Type.Optional(TemplateString)
  },
  { additionalProperties: false }
)

/** Every auth kind Latchkey knows, discriminated by `kind` (and `grant` for OAuth 2.0). */
export const AuthSchemeSchema = Type.Union([
  OAuth2AuthorizationCodeSchema,
  OAuth2ClientCredentialsSchema,
  ApiKeySchema,
  BasicAuthSchema,
  TokenExchangeSchema,
  AwsSigV4Schema,
  JwtBearerSchema,
  OAuth1Schema
])

/** One scheme, or several the end customer chooses from (each connection records which). */
export const AuthSchema = Type.Union([AuthSchemeSchema, Type.Array(AuthSchemeSchema, { minItems: 1, maxItems: 6 })])

/** One test of an API answer that says "the token was refused". */
export const AuthFailureSchema = Type.Object(
  {
    /** The status it comes with. @defaultValue `200` */
    status: Type.Optional(Type.Integer({ minimum: 200, maximum: 599 })),
    /** Dot path of a field of the JSON answer, e.g. `errcode` or `error`. */
    path: NonEmpty,
    /** The values that mean an auth failure. */
    equals: Type.Array(Type.Union([Type.String({ maxLength: 256 }), Type.Number(), Type.Boolean()]), {
      minItems: 1,
      maxItems: 20
    })
  },
  { additionalProperties: false }
)

const RESET_FORMATS = [
  'auto',
  'epoch_seconds',
  'epoch_milliseconds',
  'delay_seconds',
  'delay_milliseconds',
  'http_date',
  'iso8601'
] as const

/** Where a provider says when a rate limit resets (GitHub's `x-ratelimit-reset`). */
export const RateLimitSchema = Type.Object(
  {
    /**
     * The header saying when the limit resets, e.g. `x-ratelimit-reset`; several are tried in
     * order and the first present wins (`["x-ratelimit-reset", "ratelimit-reset"]`).
     * `Retry-After` is always read first.
     */
    resetHeader: Type.Optional(
      Type.Union([
        Type.String({ minLength: 1, maxLength: 128 }),
        Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { minItems: 1, maxItems: 5, uniqueItems: true })
      ])
    ),
    /**
     * How the reset is written: `epoch_seconds` (GitHub), `epoch_milliseconds`,
     * `delay_seconds` (seconds from now), `delay_milliseconds` (milliseconds from now:
     * BigCommerce's `X-Rate-Limit-Time-Reset-Ms`), `http_date`, `iso8601`, or `auto`: decided by the
     * value (a number above 10^12 is epoch milliseconds, above 10^9 epoch seconds, otherwise
     * seconds from now; anything else a date). @defaultValue `"auto"`
     */
    resetFormat: Type.Optional(Type.Enum([...RESET_FORMATS])),
    /**
     * The format of a reset header that differs from `resetFormat`, by header name
     * (BigCommerce: `x-retry-after` in seconds, `x-rate-limit-time-reset-ms` in milliseconds).
     */
    resetFormats: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 128 }), Type.Enum([...RESET_FORMATS]), { maxProperties: 5 })
    ),
    /**
     * The header counting the calls left, e.g. `x-ratelimit-remaining`. Declared, a status of
     * `statuses` is a rate limit only when it reads 0 (GitHub's 403 is otherwise "forbidden").
     */
    remainingHeader: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /**
     * The wait read from a JSON error body, for APIs that write it there: `path` to the value
     * (`error.retry_after`), and optionally `pattern`, a regular expression whose first group
     * captures the seconds in a text ("retry in 30s").
     */
    body: Type.Optional(
      Type.Object(
        {
          path: Type.String({ minLength: 1, maxLength: 256 }),
          pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 256 }))
        },
        { additionalProperties: false }
      )
    ),
    /** Statuses that mean "rate limited" besides 429 (GitHub also answers 403). */
    statuses: Type.Optional(
      Type.Array(Type.Integer({ minimum: 400, maximum: 599 }), { maxItems: 5, uniqueItems: true })
    )
  },
  { additionalProperties: false }
)

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
 * A host name (`acme.my.salesforce.com`, `127.0.0.1`, `[::1]`), or `*.` and a host name,
 * `*` standing for exactly one label: `*.my.salesforce.com` matches `acme.my.salesforce.com`,
 * not `my.salesforce.com` nor `a.b.my.salesforce.com` (as in TLS certificates).
 * @see https://www.rfc-editor.org/rfc/rfc6125#section-6.4.3
 */
const HostPattern = Type.String({
  maxLength: 253,
  pattern:
    '^(?:(?:\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])$',
  [PATTERN_MESSAGE]: 'must be a host name, optionally after "*." standing for one label (e.g. "*.my.salesforce.com")'
})

/**
 * The authenticated API the connector talks to (Okta's httpHelper).
 */
export const HttpSchema = Type.Object(
  {
    /** May use `{{parameters.*}}`, `{{config.*}}` and `{{metadata.*}}` (kept token fields and callback params). */
    baseUrl: TemplateString,
    /**
     * The hosts the API may be on when `baseUrl` starts with a placeholder standing for a
     * whole origin, such as Salesforce's `{{metadata.instance_url}}` from the token answer:
     * required then. The rendered origin must be https (plain http for loopback hosts only)
     * and its host must match one pattern, so a counterfeit token answer cannot send the
     * token to a host of its choosing. Each is a host name, or `*.` and a domain for exactly
     * one more label.
     * @see https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats_what_determines.htm&type=5
     */
    originHosts: Type.Optional(Type.Array(HostPattern, { minItems: 1, maxItems: 20, uniqueItems: true })),
    tokenPlacement: Type.Optional(TokenPlacementSchema),
    /** Statuses that mean "refresh the token and retry once". @defaultValue `[401]` */
    refreshOnStatus: Type.Optional(
      Type.Array(Type.Integer({ minimum: 400, maximum: 599 }), { maxItems: 10, uniqueItems: true })
    ),
    /**
     * Headers sent on every API call. Values may use placeholders; a header whose
     * placeholders have no value (an optional parameter left empty) is left out.
     */
    headers: Type.Optional(StringMap),
    /** Query params sent on every API call (`api-version`), left out like headers when their placeholders have no value. */
    query: Type.Optional(StringMap),
    /**
     * Answers that mean "the token was refused" although their status says otherwise
     * (Slack's `200 {"ok":false,"error":"invalid_auth"}`, WeChat's `errcode 40001`):
     * treated like a `refreshOnStatus` status.
     */
    authFailures: Type.Optional(Type.Array(AuthFailureSchema, { minItems: 1, maxItems: 10 })),
    /** Rate-limit headers beyond `Retry-After`, honoured by retries. */
    rateLimit: Type.Optional(RateLimitSchema)
  },
  { additionalProperties: false }
)

/** The fields of one verification request. */
const verificationRequest = {
  /** @defaultValue `"GET"` */
  method: Type.Optional(Type.Enum(['GET', 'POST'])),
  /**
   * Where `path` starts: below `http.baseUrl`, or at its origin (Atlassian: the
   * accessible-resources call that finds the site sits beside the site-specific API).
   * @defaultValue `"baseUrl"`
   */
  from: Type.Optional(Type.Enum(['baseUrl', 'origin'])),
  /**
   * Relative to `http.baseUrl` (or its origin), e.g. `/user`. May use `{{parameters.*}}`,
   * `{{config.*}}`, `{{metadata.*}}` and the `{{account.*}}` found by earlier steps.
   */
  path: RelativePath,
  /** Query params (templates like the path). */
  query: Type.Optional(StringMap),
  /** Headers (templates like the path), e.g. a GraphQL API's version header. */
  headers: Type.Optional(StringMap),
  /** A JSON body for `POST` (GraphQL "viewer" queries); placeholders are inserted JSON-escaped. */
  body: Type.Optional(Type.String({ maxLength: 8192 })),
  /**
   * Identity name → path in the answer: dots (`team.name`), indexes (`0.id`), or a
   * selection in an array, `[field=value]`, whose value may use placeholders
   * (`[url=https://{{parameters.site}}.atlassian.net].id`).
   */
  identity: Type.Optional(Type.Record(FieldKey, NonEmpty))
}

/** One request of a verification in several steps; what it finds feeds the next as `{{account.*}}`. */
export const VerificationStepSchema = Type.Object(verificationRequest, { additionalProperties: false })

/**
 * A cheap authenticated call that proves a connection works ("who am I"), run right after
 * connecting and on demand. Fields of its JSON answer may be kept as the account identity.
 * Or `steps`: several calls in order, each one's identity usable by the next (list the
 * accessible sites, pick the customer's, then read the user there); every identity found is kept.
 */
export const VerificationSchema = Type.Object(
  {
    ...verificationRequest,
    path: Type.Optional(verificationRequest.path),
    steps: Type.Optional(Type.Array(VerificationStepSchema, { minItems: 2, maxItems: 5 })),
    /**
     * The OAuth scopes the verification request needs (Microsoft Graph's `/me`: `User.Read`):
     * a connection made for actions asks for them too, so it can tell whose account it is.
     */
    scopes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { maxItems: 20, uniqueItems: true })
    )
  },
  { additionalProperties: false }
)

const ActionKey = Type.String({
  pattern: '^[a-z][a-z0-9_]{0,62}$',
  [PATTERN_MESSAGE]: 'must be lower-case letters, digits and underscores, starting with a letter (e.g. "list_issues")'
})

/** A dot path into a JSON answer: `entries`, `data.items`, `meta.next_cursor`. */
const AnswerPath = Type.String({ minLength: 1, maxLength: 256 })

/**
 * How an action's answers page, so that one call can read several pages. The items of
 * every page (at the action's `output` path) are joined into one list.
 *
 * - `cursor`: the next cursor is read from the body (`cursorPath`) or a header
 *   (`cursorHeader`) and sent as `param` (in the query, or the JSON body with `cursorIn`);
 *   no cursor, or an empty one, is the last page. Box's `next_marker`, Slack's
 *   `response_metadata.next_cursor`, Stripe's last item id with `has_more`.
 * - `link`: the `Link` header's `rel="next"` URL (RFC 8288), or the URL in the body at
 *   `linkPath` (Microsoft Graph's `@odata.nextLink`), which must stay on the API (GitHub, GitLab).
 * - `offset`: `param` is the index of the first item (`offset`, `start`), grown by each
 *   page's item count; `limitParam`/`limit` set the page size.
 * - `page`: `param` is the page number from `firstPage`; `limitParam`/`limit` the page size.
 *
 * `offset` and `page` stop at an empty page, a page shorter than `limit`, or when
 * `hasMorePath` reads false; `cursor` stops as well when `hasMorePath` reads false.
 * @see https://www.rfc-editor.org/rfc/rfc8288
 */
export const PaginationSchema = Type.Object(
  {
    style: Type.Enum(['cursor', 'link', 'offset', 'page']),
    /** The query param (or body field) that carries the cursor, offset or page number. */
    param: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** cursor: where the next cursor is in the body (`next_marker`, `response_metadata.next_cursor`). */
    cursorPath: Type.Optional(AnswerPath),
    /** cursor: the header carrying the next cursor. */
    cursorHeader: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** cursor: the next cursor is this field of the page's last item (Stripe's `starting_after` = last `id`). */
    cursorFromLastItem: Type.Optional(AnswerPath),
    /** link: the next page's URL is this body field instead of the `Link` header (Microsoft Graph's `@odata.nextLink`). */
    linkPath: Type.Optional(AnswerPath),
    /** cursor: where the cursor is sent. @defaultValue `"query"` */
    cursorIn: Type.Optional(Type.Enum(['query', 'body'])),
    /** The page-size param and its value (`limit`, `per_page`). */
    limitParam: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** page: the first page's number. @defaultValue `1` */
    firstPage: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
    /** A body field that reads `false` on the last page (`has_more`, `more`). */
    hasMorePath: Type.Optional(AnswerPath)
  },
  { additionalProperties: false }
)

/**
 * The input an action takes, as JSON Schema (an object's properties; write it with typebox's
 * `Type.Object` in code). A call whose input does not match is refused with every problem.
 */
export const ActionInputSchema = Type.Object(
  {
    type: Type.Literal('object'),
    // Each property is a JSON Schema object; typed `object` so typebox schemas (`Type.String()`) fit as they are.
    properties: Type.Record(
      Type.String({ minLength: 1, maxLength: 128 }),
      Type.Unsafe<object>(Type.Record(Type.String(), Type.Unknown()))
    ),
    required: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    additionalProperties: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String({ maxLength: 2048 }))
  },
  { additionalProperties: true }
)

/**
 * An operation flows call by name (Okta's action cards, an OpenAPI operation): a request on
 * the connector's API built from the action's input, and what of the answer it returns.
 * Templates use `{{input.*}}` beside `{{parameters.*}}`, `{{config.*}}`, `{{metadata.*}}`
 * and `{{account.*}}`.
 */
export const ActionSchema = Type.Object(
  {
    key: ActionKey,
    name: Type.String({ minLength: 1, maxLength: 128 }),
    description: Type.Optional(Type.String({ maxLength: 2048 })),
    method: Type.Enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    /** Below `http.baseUrl`, e.g. `/repos/{{input.owner}}/{{input.repo}}/issues`; values are percent-encoded. */
    path: RelativePath,
    /** Query params; one whose placeholders have no value (an optional input left out) is left out. */
    query: Type.Optional(StringMap),
    /** Headers, left out like query params. */
    headers: Type.Optional(StringMap),
    /**
     * The request body as JSON, its strings templates: a string that is one placeholder
     * (`"{{input.labels}}"`) takes the input's value as it is (a list stays a list); a field
     * whose placeholders have no value is left out.
     */
    body: Type.Optional(Type.Unknown()),
    /** How the body is sent. @defaultValue `"json"` */
    bodyFormat: Type.Optional(Type.Enum(['json', 'form'])),
    input: Type.Optional(ActionInputSchema),
    /** Where the result is in the answer (`entries`); the whole body when absent. With pagination, each page's list of items. */
    output: Type.Optional(AnswerPath),
    /** The OAuth scopes this action needs: a connection that was not granted them is refused before any request. */
    scopes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { maxItems: 50, uniqueItems: true })
    ),
    pagination: Type.Optional(PaginationSchema)
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
    /**
     * An SVG the wizard and the console show beside the name (a monogram of the name when
     * absent). It stands alone: no script, handler or external link; at most 16 KiB.
     */
    icon: Type.Optional(Type.String({ minLength: 1 })),
    parameters: Type.Optional(Type.Array(ParameterSchema, { maxItems: 50 })),
    configValues: Type.Optional(Type.Array(ConfigValueSchema, { maxItems: 50 })),
    auth: AuthSchema,
    http: Type.Optional(HttpSchema),
    verification: Type.Optional(VerificationSchema),
    /** What flows call by name. */
    actions: Type.Optional(Type.Array(ActionSchema, { maxItems: 200 }))
  },
  { additionalProperties: false }
)

export type ParameterOption = Static<typeof ParameterOptionSchema>
export type ParameterDefinition = Static<typeof ParameterSchema>
export type TokenPlacement = Static<typeof TokenPlacementSchema>
export type HttpDefinition = Static<typeof HttpSchema>
export type OAuth2AuthorizationCodeAuth = Static<typeof OAuth2AuthorizationCodeSchema>
export type OAuth2ClientCredentialsAuth = Static<typeof OAuth2ClientCredentialsSchema>
export type ApiKeyAuth = Static<typeof ApiKeySchema>
export type BasicAuth = Static<typeof BasicAuthSchema>
export type TokenExchangeAuth = Static<typeof TokenExchangeSchema>
export type AwsSigV4Auth = Static<typeof AwsSigV4Schema>
export type JwtBearerAuth = Static<typeof JwtBearerSchema>
export type OAuth1Auth = Static<typeof OAuth1Schema>
export type CredentialForm = Static<typeof CredentialFormSchema>
export type CredentialInput = Static<typeof CredentialInputSchema>
export type CredentialField = Static<typeof CredentialFieldSchema>
export type CredentialPlacement = Static<typeof CredentialPlacementSchema>
export type RevokeRequest = Static<typeof RevokeRequestSchema>
export type AuthFailureRule = Static<typeof AuthFailureSchema>
export type RateLimitDefinition = Static<typeof RateLimitSchema>
export type VerificationDefinition = Static<typeof VerificationSchema>
export type VerificationStep = Static<typeof VerificationStepSchema>
export type ActionDefinition = Static<typeof ActionSchema>
export type PaginationDefinition = Static<typeof PaginationSchema>
/** One auth scheme. */
export type AuthSchemeDefinition = Static<typeof AuthSchemeSchema>
/** `auth` as written: one scheme or several. */
export type AuthDefinition = Static<typeof AuthSchema>
export type ScopeDelimiter = ' ' | ','
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'tls_client_auth'

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

/** `T`, read-only all the way down (functions kept as they are). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T

/** A validated, frozen connector definition. */
export type ConnectorDefinition<T extends ConnectorDefinitionInput = ConnectorDefinitionInput> = DeepReadonly<T>
