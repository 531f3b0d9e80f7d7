export { openStore } from './open-store.js'
export type { Store, StoreOptions } from './open-store.js'
export { createDatabase } from './create-database.js'
export type { DatabaseOptions } from './create-database.js'
export { isDatabaseUnavailable } from './database-unavailable.js'
export { migrateToLatest } from './migrate.js'
export { createCipher, parseEncryptionKeys } from './cipher.js'
export type { Cipher } from './cipher.js'
export { recordCurrentKey, verifyEncryptionKeys } from './verify-encryption-keys.js'
export { rotateEncryptionKeys } from './rotate-keys.js'
export type { RotationProgress } from './rotate-keys.js'
export { DecryptError, EncryptionKeyError, MigrationError, StoreError } from './errors.js'
export type { StoreErrorCode } from './errors.js'
export { sha256 } from './hash.js'
export { TenantsRepository } from './tenants-repository.js'
export { TenantSettingsRepository } from './tenant-settings-repository.js'
export type { SettingsRecord, SettingsWrite } from './tenant-settings-repository.js'
export type { ApiKeyRecord, RevokeKeyResult } from './tenants-repository.js'
export { AppsRepository } from './apps-repository.js'
export type { AppRecord, ClientCertificate } from './apps-repository.js'
export { CustomConnectorsRepository } from './custom-connectors-repository.js'
export { ConnectionsRepository, isUuid } from './connections-repository.js'
export type { ConnectionPatch, NewConnectionInput } from './connections-repository.js'
export { CredentialsRepository } from './credentials-repository.js'
export type { CredentialRecord, CredentialWrite } from './credentials-repository.js'
export { AttemptsRepository } from './attempts-repository.js'
export type { RequestToken } from './attempts-repository.js'
export { ConnectSessionsRepository } from './connect-sessions-repository.js'
export { EVENT_KINDS, EventsRepository } from './events-repository.js'
export type { EventInput, EventKind } from './events-repository.js'
export { RevocationsRepository } from './revocations-repository.js'
export { WebhooksRepository } from './webhooks-repository.js'
export type {
  AttemptOutcome,
  DeliveryToSend,
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord
} from './webhooks-repository.js'
export type {
  ApiKey,
  ConnectAttempt,
  ConnectSession,
  TenantSettings,
  Connection,
  ConnectionEvent,
  ConnectionStatus,
  ConnectorApp,
  Credential,
  CustomConnector,
  Database,
  EventLevel,
  Revocation,
  Tenant,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint
} from './database.js'
export { RegisteredClientsRepository } from './registered-clients-repository.js'
export type { NewRegisteredClient, RegisteredClientRecord } from './registered-clients-repository.js'
