import Type from 'typebox'
import { WIZARD_LOCALES } from '@latchkey/runtime'

/** `{ error: { code, message, details } }` */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) })
  },
  {
    description: 'Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field',
    examples: [
      {
        error: {
          code: 'invalid_request',
          message: 'body.url: must use https',
          details: [{ path: 'body.url', message: 'must use https' }]
        }
      }
    ]
  }
)

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) })

export const TenantBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false }
)
export const TenantAnswer = Type.Object({ id: Type.String(), name: Type.String(), apiKey: Type.String() })

const UrlString = Type.String({ minLength: 1, maxLength: 2048 })

export const AppBody = Type.Object(
  {
    /** Required for connectors with a developer-owned OAuth client; connectors without one take only `overrides.baseUrl`. */
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    /** Write-only; omit it to keep the stored secret. */
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    clientCertificate: Type.Optional(
      Type.Union(
        [
          Type.Object(
            {
              /** PEM: the client certificate, then its chain. */
              certificate: Type.String({ minLength: 1, maxLength: 65_536 }),
              /** PEM, unencrypted (PKCS #8, PKCS #1 or SEC 1). Write-only. */
              privateKey: Type.String({ minLength: 1, maxLength: 65_536 })
            },
            { additionalProperties: false }
          ),
          Type.Null()
        ],
        {
          description:
            'The client certificate presented for mutual TLS by schemes declaring clientCertificate "app"; write-only (the key is never returned). Omit to keep the stored one, null to remove it.'
        }
      )
    ),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 200 })),
    overrides: Type.Optional(
      Type.Object(
        {
          authorizeUrl: Type.Optional(UrlString),
          tokenUrl: Type.Optional(UrlString),
          refreshUrl: Type.Optional(UrlString),
          revokeUrl: Type.Optional(UrlString),
          baseUrl: Type.Optional(UrlString),
          /** OAuth 1.0a only. */
          requestTokenUrl: Type.Optional(UrlString),
          /** OAuth 1.0a only. */
          accessTokenUrl: Type.Optional(UrlString)
        },
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
    document: Type.Union([
      Type.Object({}, { additionalProperties: true }),
      Type.String({ minLength: 1, maxLength: 5_000_000 })
    ]),
    securityScheme: Type.Optional(Type.String({ minLength: 1 }))
  },
  { additionalProperties: false }
)

const ClientFieldSummarySchema = Type.Object({
  label: Type.Union([Type.String(), Type.Null()]),
  helpText: Type.Union([Type.String(), Type.Null()]),
  docsUrl: Type.Union([Type.String(), Type.Null()]),
  example: Type.Union([Type.String(), Type.Null()])
})

export const ConnectorSummarySchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  version: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  iconUrl: Type.String({
    description: 'The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one'
  }),
  authKind: Type.String(),
  grant: Type.Union([Type.String(), Type.Null()]),
  schemes: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      kind: Type.String(),
      grant: Type.Union([Type.String(), Type.Null()]),
      inputs: Type.Array(
        Type.Object({
          key: Type.String(),
          label: Type.String(),
          type: Type.String(),
          required: Type.Boolean(),
          pattern: Type.Union([Type.String(), Type.Null()]),
          patternMessage: Type.Union([Type.String(), Type.Null()]),
          helpText: Type.Union([Type.String(), Type.Null()]),
          docsUrl: Type.Union([Type.String(), Type.Null()]),
          example: Type.Union([Type.String(), Type.Null()])
        })
      ),
      scopes: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
      defaultScopes: Type.Array(Type.String()),
      customerSelectsScopes: Type.Boolean(),
      clientOwnership: Type.Union([Type.String(), Type.Null()]),
      /** `tls_client_auth`: the app's certificate authenticates the OAuth client, which has no secret. */
      clientAuthMethod: Type.Union([Type.String(), Type.Null()]),
      /** Who holds the client certificate presented for mutual TLS: `app`, `customer`, or `null` for none. */
      clientCertificate: Type.Union([Type.String(), Type.Null()]),
      /** How the wizard asks a customer-owned client's id and secret (a `null` label: the wizard's own words); `null` unless the customer brings the client. */
      clientFields: Type.Union([
        Type.Object({ clientId: ClientFieldSummarySchema, clientSecret: ClientFieldSummarySchema }),
        Type.Null()
      ]),
      /** `dynamic`: the OAuth client registers itself at the authorization server (RFC 7591), so no app needs to be set; `null` for schemes without an OAuth 2.0 code grant. */
      clientRegistration: Type.Union([Type.Literal('static'), Type.Literal('dynamic'), Type.Null()]),
      /** The protected resource (RFC 9728: an MCP server's URL template) the tokens are for; `null`: none. */
      protectedResource: Type.Union([Type.String(), Type.Null()]),
      redirect: Type.Boolean()
    })
  ),
  verification: Type.Union([
    Type.Object({ method: Type.String(), path: Type.String(), identity: Type.Array(Type.String()) }),
    Type.Null()
  ]),
  /** Each scope with the declared actions that need it. */
  scopes: Type.Array(
    Type.Object({
      name: Type.String(),
      description: Type.String(),
      actions: Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))
    })
  ),
  defaultScopes: Type.Array(Type.String()),
  scopeDelimiter: Type.String(),
  customerSelectsScopes: Type.Boolean(),
  pkce: Type.Boolean(),
  clientOwnership: Type.String(),
  authorizeUrl: Type.Union([Type.String(), Type.Null()]),
  tokenUrl: Type.Union([Type.String(), Type.Null()]),
  refreshUrl: Type.Union([Type.String(), Type.Null()]),
  revokeUrl: Type.Union([Type.String(), Type.Null()]),
  issuer: Type.Union([Type.String(), Type.Null()]),
  parameters: Type.Array(Type.Unknown()),
  redirectUri: Type.String(),
  appConfigured: Type.Boolean(),
  /** Whether the tenant's app holds a client certificate: schemes with `clientCertificate: "app"` cannot connect without one. */
  clientCertificateSet: Type.Boolean(),
  appSetup: Type.Union([Type.Literal('ready'), Type.Literal('needed'), Type.Literal('none')], {
    description:
      "ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server)"
  })
})

/**
 * What the end customer types in for an API key or basic auth scheme: `apiKey`, `username`,
 * `password` and the scheme's extra fields (the connector's `schemes[].inputs` names them;
 * the runtime checks each against them).
 */
const CredentialsInput = Type.Record(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,62}$' }),
  Type.String({ maxLength: 4096 }),
  { maxProperties: 12 }
)

export const ConnectionBody = Type.Object(
  {
    connector: Type.String({ minLength: 1, maxLength: 64 }),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { maxItems: 200 })),
    /** The declared actions it will be used for: the scopes requested are theirs (least privilege). */
    actions: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 63 }), { maxItems: 200, uniqueItems: true })
    ),
    client: Type.Optional(
      Type.Object(
        {
          clientId: Type.String({ minLength: 1, maxLength: 512 }),
          clientSecret: Type.String({ minLength: 1, maxLength: 4096 })
        },
        { additionalProperties: false }
      )
    ),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    /** The auth scheme's key when the connector offers several. */
    scheme: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** API key or basic auth: what the end customer typed in. Stored encrypted, never returned. */
    credentials: Type.Optional(CredentialsInput)
  },
  { additionalProperties: false }
)

/** `PUT /v1/connections/:id/credentials`: new typed-in credentials for the same connection. */
export const CredentialsBody = Type.Object({ credentials: CredentialsInput }, { additionalProperties: false })

const NullableString = Type.Union([Type.String(), Type.Null()])

/** A connection as the examples of the documents show it. */
const connectionExample = {
  id: '3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10',
  connector: 'github',
  label: null,
  externalId: 'customer-42',
  scheme: null,
  status: 'connected',
  health: 'green',
  statusReason: null,
  scopes: { requested: ['repo', 'read:user'], granted: ['repo', 'read:user'] },
  expiresAt: '2026-12-02T20:00:00.000Z',
  lastUsedAt: '2026-12-02T12:00:00.000Z',
  metadata: {},
  account: { user: 'octocat', name: 'The Octocat' },
  verifiedAt: '2026-12-01T09:30:00.000Z',
  parameters: {},
  createdAt: '2026-12-01T09:29:41.000Z',
  updatedAt: '2026-12-02T12:00:00.000Z'
}

export const ConnectionSchema = Type.Object(
  {
    id: Type.String(),
    connector: Type.String(),
    label: NullableString,
    externalId: NullableString,
    scheme: NullableString,
    status: Type.Enum(['configured', 'connected', 'error', 'disconnected']),
    health: Type.Enum(['yellow', 'green', 'red']),
    statusReason: NullableString,
    scopes: Type.Object({ requested: Type.Array(Type.String()), granted: Type.Array(Type.String()) }),
    expiresAt: NullableString,
    lastUsedAt: NullableString,
    metadata: Type.Record(Type.String(), Type.Unknown()),
    account: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    verifiedAt: NullableString,
    parameters: Type.Record(Type.String(), Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String()
  },
  { examples: [connectionExample] }
)

export const ConnectionsQuery = Type.Object(
  {
    connector: Type.Optional(Type.String()),
    externalId: Type.Optional(Type.String()),
    status: Type.Optional(
      Type.Union([
        Type.Literal('configured'),
        Type.Literal('connected'),
        Type.Literal('error'),
        Type.Literal('disconnected')
      ])
    ),
    health: Type.Optional(Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page' }))
  },
  { additionalProperties: false }
)
export const ConnectionsPage = Type.Object(
  {
    connections: Type.Array(ConnectionSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'pass as cursor for the next page; null after the last'
    })
  },
  {
    examples: [
      {
        connections: [connectionExample],
        nextCursor: 'MTc2NDU4MTM4MTAwMDAwMC4zYmRmMWMyZS01YTFmLTRjN2UtOWQzNS0wYzRmNmYxZjJhMTA'
      }
    ]
  }
)
export const EventsQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) },
  { additionalProperties: false }
)
export const EventSchema = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  level: Type.String(),
  message: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown())
})
export const TokenSchema = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.String(),
  expiresAt: NullableString,
  /** Every value typed in for an API key or basic scheme; `null` for OAuth tokens. */
  credentials: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()])
})
export const VerificationAnswer = Type.Object({
  ok: Type.Boolean(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  account: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  reason: NullableString
})
const ActionKeys = Type.Array(Type.String({ minLength: 1, maxLength: 63 }), { maxItems: 200, uniqueItems: true })

export const AuthorizeAnswer = Type.Object({
  authorizeUrl: Type.String(),
  expiresAt: Type.String(),
  scopes: Type.Array(Type.String(), { description: 'The scopes this attempt asks the provider for' }),
  incremental: Type.Boolean({
    description: 'Only the missing scopes are asked for; the provider adds them to those granted before'
  })
})
/** `POST /v1/connections/:id/authorize`: optional; with actions or scopes, asks for more, keeping the connection. */
export const AuthorizeBody = Type.Object(
  {
    actions: Type.Optional(ActionKeys),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { maxItems: 200 }))
  },
  { additionalProperties: false }
)

export const AppSchema = Type.Object({
  clientId: Type.Union([Type.String(), Type.Null()]),
  scopes: Type.Union([Type.Array(Type.String()), Type.Null()]),
  overrides: Type.Record(Type.String(), Type.String()),
  clientCertificate: Type.Union([
    Type.Object({
      subject: Type.String(),
      issuer: Type.String(),
      notAfter: Type.String({ format: 'date-time' }),
      fingerprint256: Type.String({ description: 'SHA-256 of the DER certificate, as AA:BB:…' })
    }),
    Type.Null()
  ]),
  updatedAt: Type.String()
})
export const ConnectSessionBody = Type.Object(
  {
    externalId: Type.String({ minLength: 1, maxLength: 256 }),
    connectors: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 })),
    /** Per connector key, the actions its connections will be used for: the scopes asked are theirs. */
    actions: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 64 }), ActionKeys)),
    successUrl: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description:
          'Where the wizard sends the customer once a connection succeeds (with connectionId and connector in the query); must be one of the settings redirectUrls (same origin and path)'
      })
    ),
    failureUrl: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description:
          'Where the wizard sends the customer when an attempt fails (with error and connector in the query); same rule as successUrl'
      })
    ),
    locale: Type.Optional(
      Type.Union(
        WIZARD_LOCALES.map((l) => Type.Literal(l)),
        { description: "The wizard's language (default en)" }
      )
    )
  },
  { additionalProperties: false }
)
export const ConnectSessionAnswer = Type.Object({ token: Type.String(), url: Type.String(), expiresAt: Type.String() })
export const WizardAuthorizeBody = Type.Object(
  { returnToWizard: Type.Optional(Type.Boolean()) },
  { additionalProperties: false }
)

const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 50,
  description: 'The event types sent to the endpoint (see api.md); omit or null for every type.'
})
const WebhookUrl = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'https (plain http only for a loopback host when private networks are allowed)'
})
// Null first in each union: the validator coerces types, and would read a null as "" for a string first.
const Description = Type.String({ maxLength: 500 })

export const WebhookEndpointBody = Type.Object(
  {
    url: WebhookUrl,
    events: Type.Optional(Type.Union([Type.Null(), EventTypes])),
    description: Type.Optional(Type.Union([Type.Null(), Description]))
  },
  {
    additionalProperties: false,
    examples: [
      {
        url: 'https://hooks.example.com/latchkey',
        events: ['connection.connected', 'connection.failed', 'connection.recovered'],
        description: 'Production: tell the CRM sync'
      }
    ]
  }
)
export const WebhookEndpointPatch = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    events: Type.Optional(Type.Union([Type.Null(), EventTypes])),
    description: Type.Optional(Type.Union([Type.Null(), Description])),
    enabled: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false, minProperties: 1, examples: [{ enabled: true, events: null }] }
)
const webhookEndpointFields = {
  id: Type.String(),
  url: Type.String(),
  events: Type.Union([Type.Array(Type.String()), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  failingSince: Type.Union([Type.String(), Type.Null()]),
  previousSecretExpiresAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String()
}
const webhookEndpointExample = {
  id: '7c1e0b7a-2f4d-4d7b-8f1e-5b2a9c3d4e6f',
  url: 'https://hooks.example.com/latchkey',
  events: ['connection.connected', 'connection.failed', 'connection.recovered'],
  description: 'Production: tell the CRM sync',
  enabled: true,
  disabledReason: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z'
}
export const WebhookEndpointSchema = Type.Object(webhookEndpointFields, { examples: [webhookEndpointExample] })
export const WebhookEndpointList = Type.Object(
  { endpoints: Type.Array(WebhookEndpointSchema) },
  { examples: [{ endpoints: [webhookEndpointExample] }] }
)
/** Creation and rotation only: the signing secret, shown this once. */
export const WebhookEndpointWithSecret = Type.Object(
  {
    ...webhookEndpointFields,
    secret: Type.String({ description: 'whsec_…: verify signatures with it (Standard Webhooks); shown once' })
  },
  { examples: [{ ...webhookEndpointExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7VRbOLRA3tU=' }] }
)
const webhookDeliveryExample = {
  id: '0d6f4a8e-93b1-4c2a-b7e5-1f2d3c4b5a69',
  messageId: 'msg_2bX9qLk3vR7tYp1sWm5nHc8d',
  type: 'connection.connected',
  status: 'pending',
  attempts: 1,
  nextAttemptAt: '2026-12-01T09:30:35.000Z',
  lastAttemptAt: '2026-12-01T09:30:30.000Z',
  lastStatusCode: 503,
  lastDurationMs: 212,
  lastError: 'the endpoint answered 503: upstream unavailable',
  createdAt: '2026-12-01T09:30:30.000Z',
  finishedAt: null
}
export const WebhookDeliverySchema = Type.Object(
  {
    id: Type.String(),
    messageId: Type.String({ description: 'the webhook-id header, the same on every attempt and replay' }),
    type: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
    lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    lastDurationMs: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()])
  },
  { examples: [webhookDeliveryExample] }
)
export const WebhookDeliveryList = Type.Object(
  { deliveries: Type.Array(WebhookDeliverySchema) },
  {
    examples: [
      {
        deliveries: [
          webhookDeliveryExample,
          {
            ...webhookDeliveryExample,
            id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
            messageId: 'msg_Qw8eR4tY6uI2oP0aS9dF7gHj',
            type: 'connection.created',
            status: 'succeeded',
            nextAttemptAt: null,
            lastStatusCode: 204,
            lastDurationMs: 48,
            lastError: null,
            createdAt: '2026-12-01T09:29:41.000Z',
            lastAttemptAt: '2026-12-01T09:29:41.000Z',
            finishedAt: '2026-12-01T09:29:41.000Z'
          }
        ]
      }
    ]
  }
)
export const DeliveriesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]))
  },
  { additionalProperties: false }
)
export const DeliveryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  deliveryId: Type.String({ minLength: 1, maxLength: 64 })
})

export const ApiKeyBody = Type.Object(
  { label: Type.Optional(Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 100 })])) },
  { additionalProperties: false, examples: [{ label: 'CI deploys' }] }
)
const apiKeyFields = {
  id: Type.String(),
  label: Type.Union([Type.String(), Type.Null()]),
  prefix: Type.String({ description: 'the first characters, to recognise the key' }),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()])
}
const apiKeyExample = {
  id: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
  label: 'CI deploys',
  prefix: 'lk_Xq7Tn2V',
  createdAt: '2026-12-01T09:00:00.000Z',
  lastUsedAt: '2026-12-02T12:00:00.000Z'
}
export const ApiKeySchema = Type.Object(apiKeyFields, { examples: [apiKeyExample] })
export const ApiKeyList = Type.Object(
  { apiKeys: Type.Array(ApiKeySchema) },
  {
    examples: [
      {
        apiKeys: [
          apiKeyExample,
          {
            id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
            label: 'first key',
            prefix: 'lk_Pz4Hs8K',
            createdAt: '2026-11-30T08:00:00.000Z',
            lastUsedAt: null
          }
        ]
      }
    ]
  }
)
export const ApiKeyWithSecret = Type.Object(
  {
    ...apiKeyFields,
    apiKey: Type.String({ description: 'lk_…: shown this once, stored as a SHA-256 hash' })
  },
  {
    examples: [{ ...apiKeyExample, lastUsedAt: null, apiKey: 'lk_Xq7Tn2VbR9mK4wLp8sYd3cFh6jGt1nQa5zEu0oIy2xB' }]
  }
)
const WebOrigins = Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), { maxItems: 20 })
export const SettingsBody = Type.Object(
  {
    displayName: Type.Optional(
      Type.Union([Type.Null(), Type.String({ maxLength: 100 })], {
        description: 'The name end customers see in the wizard (default: the tenant name)'
      })
    ),
    accentColor: Type.Optional(
      Type.Union([Type.Null(), Type.String({ maxLength: 7 })], {
        description: '#rrggbb for buttons and links, dark enough for white text (contrast at least 4.5:1)'
      })
    ),
    embedOrigins: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), {
        maxItems: 20,
        description: 'Origins allowed to frame the wizard or open it as a popup (https://app.example.com)'
      })
    ),
    redirectUrls: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), {
        maxItems: 20,
        description: 'Pages connect sessions may send the customer back to (origin and path; any query)'
      })
    )
  },
  { additionalProperties: false }
)
export const SettingsSchema = Type.Object({
  displayName: Type.Union([Type.String(), Type.Null()]),
  accentColor: Type.Union([Type.String(), Type.Null()]),
  embedOrigins: WebOrigins,
  redirectUrls: WebOrigins,
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()])
})
export const BrandingSchema = Type.Object({
  name: Type.String(),
  accentColor: Type.Union([Type.String(), Type.Null()]),
  logoUrl: Type.Union([Type.String(), Type.Null()])
})

export const TenantSchema = Type.Object({ id: Type.String(), name: Type.String(), createdAt: Type.String() })

/** A connector's declared action (`GET /v1/connectors/:key/actions`). */
export const ActionViewSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  /** The path template below the API's base URL. */
  path: Type.String(),
  scopes: Type.Array(Type.String()),
  /** The input's JSON Schema; null when the action takes none. */
  input: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  output: Type.Union([Type.String(), Type.Null()]),
  pagination: Type.Union([Type.String(), Type.Null()])
})
