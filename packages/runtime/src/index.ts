export { createRuntime } from './create-runtime.js'
export type { Runtime } from './create-runtime.js'
export { redirectUriOf } from './runtime-config.js'
export {
  ConfigError,
  RUNTIME_VARIABLES,
  REDIS_SECRETS,
  REDIS_VARIABLES,
  databaseOptionsOf,
  readEnvironment,
  redisProblems,
  redisTargetOf,
  runtimeConfigOf
} from './read-environment.js'
export type { RuntimeConfig } from './runtime-config.js'
export { Catalog } from './connectors/catalog.js'
export type { CatalogEntry } from './connectors/catalog.js'
export { ConnectFlow, bindingCookieName } from './connect/connect-flow.js'
export type { CallbackOutcome, StartResult } from './connect/connect-flow.js'
export { ConnectSessionService, WIZARD_PATH } from './connect/connect-session-service.js'
export type { ConnectSessionLink, ConnectSessionOverview } from './connect/connect-session-service.js'
export { ConnectionService } from './connections/connection-service.js'
export type { EventView, NewConnectionRequest, TokenView } from './connections/connection-service.js'
export { ConnectorService } from './connectors/connector-service.js'
export type {
  ActionView,
  AppInput,
  AppSetup,
  AppView,
  ConnectorSummary,
  SchemeSummary
} from './connectors/connector-service.js'
export { appSetupOf } from './connectors/connector-service.js'
export { VerificationService } from './connections/verification-service.js'
export type { VerificationResult } from './connections/verification-service.js'
export { DiscoveryCache } from './credentials/discovery-cache.js'
export { TenantService } from './tenants/tenant-service.js'
export type { ApiKeyView, TenantView } from './tenants/tenant-service.js'
export {
  LOGO_MAX_BYTES,
  TenantSettingsService,
  WIZARD_LOCALES,
  contrastWithWhite,
  isAllowedRedirect
} from './tenants/tenant-settings.js'
export type { Branding, SettingsInput, SettingsView, WizardLocale } from './tenants/tenant-settings.js'
export { healthOf, toConnectionView } from './connections/connection-view.js'
export type { ConnectionView } from './connections/connection-view.js'
export { RuntimeError, invalidRequest, notFound } from './errors.js'
export { outageOf } from './dependency-outage.js'
export type { Dependency } from './dependency-outage.js'
export { HostLimiter } from './jobs/host-limiter.js'
export { ConnectionLifecycle, refOf } from './connections/lifecycle.js'
export type { ConnectionRef, HeldWebhooks } from './connections/lifecycle.js'
export type { HostLimiterOptions, HostSlot } from './jobs/host-limiter.js'
export type { RuntimeErrorCode } from './errors.js'
export { decodeTokenSet, encodeTokenSet, refreshDueAt } from './credentials/token-set-codec.js'
export type { StoredTokenSet } from './credentials/token-set-codec.js'
export { connectionContext, openParameters, schemeOf } from './connections/connection-context.js'
export { runtimeErrorFromOAuth } from './credentials/oauth-failure.js'
export { CredentialService } from './credentials/credential-service.js'
export type { CurrentToken, RefreshReason } from './credentials/credential-service.js'
export { SingleFlight } from './credentials/single-flight.js'
export { EgressDeniedError, createEgressDispatcher, isDeniedHost, isPrivateAddress } from './calls/egress-policy.js'
export type { EgressOptions } from './calls/egress-policy.js'
export { HttpHelper } from './calls/http-helper.js'
export { ActionRunner, MAX_ACTION_PAGES } from './calls/action-runner.js'
export type { ActionCall, ActionResult } from './calls/action-runner.js'
export { firstPage, itemsOf, linkRequest, nextLink, nextPage } from './calls/pagination.js'
export type { PageAnswer, PageRequest } from './calls/pagination.js'
export { baseUrlFor, targetUrl } from './calls/target-url.js'
export type { Query } from './calls/target-url.js'
export { isRetryableAnswer, parseReset, retryDelay, resetDelayMs } from './calls/retry-policy.js'
export type { ResetFormat } from './calls/retry-policy.js'
export { peekJson } from './calls/peek-json.js'
export { injectionFor } from './calls/auth-injection.js'
export type { Injection } from './calls/auth-injection.js'
export { checkHeaders, flatHeaders } from './calls/request-headers.js'
export { UsageRecorder } from './calls/usage-recorder.js'
export { ChangeFeed } from './connections/change-feed.js'
export type { Change } from './connections/change-feed.js'
export { ConnectionHandles, entryOf, schemeOfHandle } from './connections/connection-handle.js'
export type { ConnectionHandle, HandleCacheOptions } from './connections/connection-handle.js'
export type { ApiRequest, ApiResponse, HttpHelperOptions } from './calls/http-helper.js'
export { BackgroundJobs, isRetryable } from './jobs/background-jobs.js'
export type { JobOutcome } from './jobs/background-jobs.js'
export { MAX_ANSWER_BYTES, readAnswer } from './calls/read-answer.js'
export { WEBHOOK_EVENT_TYPES, isWebhookEventType } from './webhooks/webhook-events.js'
export type { WebhookEventType } from './webhooks/webhook-events.js'
export { WEBHOOK_HOLD_MS, WebhookOutbox, newMessageId } from './webhooks/webhook-outbox.js'
export type { HeldMessage } from './webhooks/webhook-outbox.js'
export { WebhookSender } from './webhooks/webhook-sender.js'
export type { DeliveryResult, WebhookDeliveryOptions } from './webhooks/webhook-sender.js'
export { PREVIOUS_SECRET_TTL_MS, SUBSCRIBABLE_EVENT_TYPES, WebhookService } from './webhooks/webhook-service.js'
export type { WebhookDeliveryView, WebhookEndpointView } from './webhooks/webhook-service.js'
export { DEFAULT_RETRY_DELAYS_MS, MAX_RETRY_AFTER_MS, judgeAttempt, nextDelayMs } from './webhooks/retry-schedule.js'
export type { AttemptVerdict } from './webhooks/retry-schedule.js'
export type { LifecycleTransaction } from './connections/lifecycle.js'
export { RuntimeMetrics, connectorLabel } from './metrics/metrics.js'
export { LOG_CENSOR, LOG_REDACT_PATHS, loggedMessage, loggedPath, redactedLogOptions } from './log-redaction.js'
export { probe, readiness } from './readiness.js'
