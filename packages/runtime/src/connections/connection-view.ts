import type { Connection } from '@latchkey/store'

/** A connection as the API shows it (`api.md`). No secret in it. */
export interface ConnectionView {
  id: string
  connector: string
  label: string | null
  externalId: string | null
  /** The auth scheme's key; `null` for the connector's first. */
  scheme: string | null
  status: Connection['status']
  health: 'yellow' | 'green' | 'red'
  statusReason: string | null
  scopes: { requested: string[]; granted: string[] }
  expiresAt: string | null
  lastUsedAt: string | null
  metadata: Record<string, unknown>
  /** Who the credentials belong to, as the verification request found (team, workspace, user). */
  account: Record<string, unknown> | null
  verifiedAt: string | null
  parameters: Record<string, string>
  createdAt: string
  updatedAt: string
}

/**
 * Health at a glance (Prismatic's colours): red when an auth failure needs reconnection,
 * green once used successfully while connected, yellow otherwise.
 */
export function healthOf(connection: Pick<Connection, 'status' | 'last_used_at'>): ConnectionView['health'] {
  if (connection.status === 'error') return 'red'
  if (connection.status === 'connected' && connection.last_used_at !== null) return 'green'
  return 'yellow'
}

export function toConnectionView(connection: Connection, expiresAt: Date | null): ConnectionView {
  return {
    id: connection.id,
    connector: connection.connector_key,
    label: connection.label,
    externalId: connection.external_id,
    scheme: connection.auth_scheme,
    status: connection.status,
    health: healthOf(connection),
    statusReason: connection.status_reason,
    scopes: { requested: connection.requested_scopes, granted: connection.granted_scopes ?? [] },
    expiresAt: expiresAt?.toISOString() ?? null,
    lastUsedAt: connection.last_used_at?.toISOString() ?? null,
    metadata: connection.metadata,
    account: connection.account,
    verifiedAt: connection.verified_at?.toISOString() ?? null,
    parameters: connection.parameters,
    createdAt: connection.created_at.toISOString(),
    updatedAt: connection.updated_at.toISOString()
  }
}
