import Type from 'typebox'

/** `{ error: { code, message, details } }` */
export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) })
})

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) })

export const TenantBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false })
export const TenantAnswer = Type.Object({ id: Type.String(), name: Type.String(), apiKey: Type.String() })

const UrlString = Type.String({ minLength: 1, maxLength: 2048 })

export const AppBody = Type.Object(
  {
    clientId: Type.String({ minLength: 1, maxLength: 512 }),
    /** Write-only; omit it to keep the stored secret. */
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200 })),
    overrides: Type.Optional(
      Type.Object(
        { authorizeUrl: Type.Optional(UrlString), tokenUrl: Type.Optional(UrlString), refreshUrl: Type.Optional(UrlString), revokeUrl: Type.Optional(UrlString), baseUrl: Type.Optional(UrlString) },
        { additionalProperties: false }
      )
    )
  },
  { additionalProperties: false }
)

export const OpenApiBody = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 128 }),
    document: Type.Union([Type.Object({}, { additionalProperties: true }), Type.String({ minLength: 1, maxLength: 5_000_000 })]),
    securityScheme: Type.Optional(Type.String({ minLength: 1 }))
  },
  { additionalProperties: false }
)

export const ConnectorSummarySchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  version: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  authKind: Type.String(),
  grant: Type.String(),
  scopes: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
  defaultScopes: Type.Array(Type.String()),
  scopeDelimiter: Type.String(),
  customerSelectsScopes: Type.Boolean(),
  pkce: Type.Boolean(),
  clientOwnership: Type.String(),
  authorizeUrl: Type.String(),
  tokenUrl: Type.String(),
  refreshUrl: Type.String(),
  revokeUrl: Type.Union([Type.String(), Type.Null()]),
  parameters: Type.Array(Type.Unknown()),
  redirectUri: Type.String(),
  appConfigured: Type.Boolean()
})

export const ConnectionBody = Type.Object(
  {
    connector: Type.String({ minLength: 1, maxLength: 64 }),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { maxItems: 200 })),
    client: Type.Optional(Type.Object({ clientId: Type.String({ minLength: 1, maxLength: 512 }), clientSecret: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false })),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 256 }))
  },
  { additionalProperties: false }
)

const NullableString = Type.Union([Type.String(), Type.Null()])

export const ConnectionSchema = Type.Object({
  id: Type.String(),
  connector: Type.String(),
  label: NullableString,
  externalId: NullableString,
  status: Type.Enum(['configured', 'connected', 'error', 'disconnected']),
  health: Type.Enum(['yellow', 'green', 'red']),
  statusReason: NullableString,
  scopes: Type.Object({ requested: Type.Array(Type.String()), granted: Type.Array(Type.String()) }),
  expiresAt: NullableString,
  lastUsedAt: NullableString,
  metadata: Type.Record(Type.String(), Type.Unknown()),
  parameters: Type.Record(Type.String(), Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String()
})

export const ConnectionsQuery = Type.Object({ connector: Type.Optional(Type.String()), externalId: Type.Optional(Type.String()) }, { additionalProperties: false })
export const EventsQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }, { additionalProperties: false })
export const EventSchema = Type.Object({ at: Type.String(), kind: Type.String(), level: Type.String(), message: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) })
export const TokenSchema = Type.Object({ accessToken: Type.String(), tokenType: Type.String(), expiresAt: NullableString })
export const AuthorizeAnswer = Type.Object({ authorizeUrl: Type.String(), expiresAt: Type.String() })

export const AppSchema = Type.Object({ clientId: Type.String(), scopes: Type.Union([Type.Array(Type.String()), Type.Null()]), overrides: Type.Record(Type.String(), Type.String()), updatedAt: Type.String() })
export const ConnectSessionBody = Type.Object(
  {
    externalId: Type.String({ minLength: 1, maxLength: 256 }),
    connectors: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }))
  },
  { additionalProperties: false }
)
export const ConnectSessionAnswer = Type.Object({ token: Type.String(), url: Type.String(), expiresAt: Type.String() })
export const WizardAuthorizeBody = Type.Object({ returnToWizard: Type.Optional(Type.Boolean()) }, { additionalProperties: false })
