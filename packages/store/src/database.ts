import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

/** A tenant: a SaaS vendor running Latchkey for its customers. */
export interface TenantsTable {
  id: Generated<string>
  name: string
  created_at: Generated<Date>
}

/** API keys, stored as SHA-256 hashes (the key is shown once). */
export interface ApiKeysTable {
  id: Generated<string>
  tenant_id: string
  key_hash: string
  /** The first characters, to recognise a key in a list. */
  prefix: string
  /** What the tenant calls it ("production", "CI"). */
  label: string | null
  /** When it last authenticated a request (written at most every few seconds per process). */
  last_used_at: NullableTimestamp
  created_at: Generated<Date>
  revoked_at: NullableTimestamp
}

/** A tenant's OAuth app for a developer-owned connector, or only URL overrides for one without an OAuth client (both client columns `null`). */
export interface ConnectorAppsTable {
  tenant_id: string
  connector_key: string
  client_id: string | null
  client_secret_enc: string | null
  /** `{ certificate, privateKey }` (PEM) as JSON, encrypted; `null`: the app holds no client certificate. */
  client_certificate_enc: ColumnType<string | null, string | null | undefined, string | null>
  scopes: JSONColumnType<string[] | null, string | null, string | null>
  overrides: JSONColumnType<Record<string, string>, string, string>
  created_at: Generated<Date>
  updated_at: Timestamp
}

/** A tenant's own connector definitions (JSON). */
export interface CustomConnectorsTable {
  tenant_id: string
  key: string
  definition: JSONColumnType<Record<string, unknown>, string, string>
  created_at: Generated<Date>
  updated_at: Timestamp
}

export type ConnectionStatus = 'configured' | 'connected' | 'error' | 'disconnected'

/** One end customer's link to one connector. */
export interface ConnectionsTable {
  id: Generated<string>
  tenant_id: string
  connector_key: string
  external_id: string | null
  label: string | null
  parameters: JSONColumnType<Record<string, string>, string, string>
  requested_scopes: JSONColumnType<string[], string, string>
  granted_scopes: JSONColumnType<string[] | null, string | null, string | null>
  status: ConnectionStatus
  status_reason: string | null
  /** Customer-owned connectors: the customer's own client. */
  client_id: string | null
  client_secret_enc: string | null
  metadata: JSONColumnType<Record<string, unknown>, string, string>
  last_used_at: NullableTimestamp
  /** The auth scheme's key; `null` for the connector's first. */
  auth_scheme: string | null
  /** Identity fields the verification request kept (team, workspace, user). */
  account: JSONColumnType<Record<string, unknown> | null, string | null, string | null>
  verified_at: NullableTimestamp
  /** The client Latchkey registered at the authorization server (RFC 7591) that this connection was connected with. */
  registered_client_id: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Generated<Date>
  updated_at: Timestamp
}

/** An OAuth client Latchkey registered at an authorization server (RFC 7591), per tenant, server and redirect URI. */
export interface RegisteredClientsTable {
  id: Generated<string>
  tenant_id: string
  issuer: string
  redirect_uri: string
  client_id: string
  client_secret_enc: string | null
  token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post' | 'none'
  expires_at: NullableTimestamp
  /** When a new registration took over for new connects; connections made with this one keep it. */
  superseded_at: NullableTimestamp
  created_at: Generated<Date>
  updated_at: Timestamp
}

/** The encrypted token set of a connected connection. */
export interface CredentialsTable {
  connection_id: string
  tenant_id: string
  token_set_enc: string
  expires_at: NullableTimestamp
  /** When the worker should refresh: expiry minus a margin, with jitter; null without expiry or refresh token. */
  refresh_due_at: NullableTimestamp
  version: number
  updated_at: Timestamp
}

/** One connect attempt: created by POST /authorize, started in a browser, consumed by the callback. */
export interface ConnectAttemptsTable {
  id: Generated<string>
  tenant_id: string
  connection_id: string
  start_token_hash: string
  state_hash: string | null
  browser_binding_hash: string | null
  code_verifier_enc: string | null
  /** OAuth 1.0a: the request token and its secret, as JSON, encrypted. */
  request_token_enc: string | null
  issuer: string | null
  redirect_uri: string
  requested_scopes: JSONColumnType<string[], string, string>
  expires_at: Timestamp
  started_at: NullableTimestamp
  consumed_at: NullableTimestamp
  outcome: string | null
  /** A path on this deployment to send the browser back to after the callback (full-page redirects from the wizard). */
  return_to: string | null
  /** Asks only for the scopes the connection is missing; the provider adds them to those granted before. */
  incremental: Generated<boolean>
  created_at: Generated<Date>
}

/** A connect session: opens the connect wizard for one end customer. The token is stored hashed. */
export interface ConnectSessionsTable {
  id: Generated<string>
  tenant_id: string
  token_hash: string
  external_id: string
  /** The connector keys offered; `null` offers every connector of the tenant. */
  connectors: JSONColumnType<string[] | null, string | null, string | null>
  /** Per connector key, the actions its connections will be used for (their scopes are what is asked); `null`: none named. */
  actions: JSONColumnType<Record<string, string[]> | null, string | null, string | null>
  expires_at: Timestamp
  created_at: Generated<Date>
  /** Where the wizard sends the customer after a connection succeeds (one of the tenant's redirect URLs). */
  success_url: string | null
  /** Where the wizard sends the customer after an attempt fails. */
  failure_url: string | null
  /** The wizard's language (`en`, `fr`); `null`: English. */
  locale: string | null
}

/** A tenant's branding and embedding settings (one row per tenant, written on first change). */
export interface TenantSettingsTable {
  tenant_id: string
  /** The name end customers see in the wizard instead of the tenant's own name. */
  display_name: string | null
  /** `#rrggbb`, dark enough for white text (checked when set). */
  accent_color: string | null
  /** Origins allowed to frame the wizard or open it as a popup (`https://app.example.com`). */
  embed_origins: JSONColumnType<string[], string | undefined, string>
  /** Pages connect sessions may send the customer back to (origin and path; any query). */
  redirect_urls: JSONColumnType<string[], string | undefined, string>
  logo: Buffer | null
  logo_type: string | null
  /** SHA-256 of the logo, hex: its URL's version, so caches never show an old one. */
  logo_hash: string | null
  updated_at: Generated<Date>
}

export type EventLevel = 'info' | 'warn' | 'error'

/** A connection's log. Never holds a secret. */
export interface ConnectionEventsTable {
  id: Generated<string>
  tenant_id: string
  connection_id: string
  at: Generated<Date>
  kind: string
  level: EventLevel
  message: string
  detail: JSONColumnType<Record<string, unknown>, string, string>
}

/** A tenant's webhook endpoint (Standard Webhooks). Its secrets are encrypted. */
export interface WebhookEndpointsTable {
  id: Generated<string>
  tenant_id: string
  url: string
  /** The event types sent; `null` sends every type. */
  events: JSONColumnType<string[] | null, string | null, string | null>
  description: string | null
  secret_enc: string
  /** After a rotation, the old secret signs too until `previous_secret_expires_at`. */
  previous_secret_enc: string | null
  previous_secret_expires_at: NullableTimestamp
  enabled: Generated<boolean>
  disabled_reason: string | null
  /** Since when every delivery to it has failed; `null` while it answers. */
  failing_since: NullableTimestamp
  created_at: Generated<Date>
  updated_at: Timestamp
}

/** One event as sent: its `webhook-id` (`msg_…`), type and exact JSON body. Never holds a secret. */
export interface WebhookMessagesTable {
  id: string
  tenant_id: string
  type: string
  body: string
  created_at: Generated<Date>
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed'

/** One message to one endpoint: pending until an attempt succeeds, or failed for good. */
export interface WebhookDeliveriesTable {
  id: Generated<string>
  tenant_id: string
  endpoint_id: string
  message_id: string
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>
  attempts: Generated<number>
  next_attempt_at: Timestamp
  last_attempt_at: NullableTimestamp
  last_status_code: number | null
  last_duration_ms: number | null
  last_error: string | null
  created_at: Generated<Date>
  finished_at: NullableTimestamp
}

/** Tokens waiting to be revoked at the provider after a disconnect. */
export interface RevocationsTable {
  id: Generated<string>
  tenant_id: string
  connection_id: string
  /** Null once the revocation is finished: the tokens are purged, the row stays as the record. */
  token_set_enc: string | null
  context_enc: string | null
  status: 'pending' | 'done' | 'failed'
  attempts: Generated<number>
  last_error: string | null
  created_at: Generated<Date>
  finished_at: NullableTimestamp
}

/** One row per encryption key id ever used, holding a value encrypted under it, to check keys at boot. */
export interface EncryptionKeyChecksTable {
  kid: string
  check_value: string
  created_at: Generated<Date>
}

/** The whole schema, for kysely. */
export interface Database {
  tenants: TenantsTable
  api_keys: ApiKeysTable
  connector_apps: ConnectorAppsTable
  custom_connectors: CustomConnectorsTable
  connections: ConnectionsTable
  credentials: CredentialsTable
  connect_attempts: ConnectAttemptsTable
  connect_sessions: ConnectSessionsTable
  tenant_settings: TenantSettingsTable
  connection_events: ConnectionEventsTable
  revocations: RevocationsTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_messages: WebhookMessagesTable
  webhook_deliveries: WebhookDeliveriesTable
  encryption_key_checks: EncryptionKeyChecksTable
  registered_clients: RegisteredClientsTable
}

export type Tenant = Selectable<TenantsTable>
export type ApiKey = Selectable<ApiKeysTable>
export type ConnectSession = Selectable<ConnectSessionsTable>
export type TenantSettings = Selectable<TenantSettingsTable>
export type ConnectorApp = Selectable<ConnectorAppsTable>
export type CustomConnector = Selectable<CustomConnectorsTable>
export type Connection = Selectable<ConnectionsTable>
export type NewConnection = Insertable<ConnectionsTable>
export type ConnectionUpdate = Updateable<ConnectionsTable>
export type Credential = Selectable<CredentialsTable>
export type ConnectAttempt = Selectable<ConnectAttemptsTable>
export type ConnectionEvent = Selectable<ConnectionEventsTable>
export type Revocation = Selectable<RevocationsTable>
export type WebhookEndpoint = Selectable<WebhookEndpointsTable>
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>
