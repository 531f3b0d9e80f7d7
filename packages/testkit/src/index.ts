export { startAuthorizationServer } from './authorization-server.js'
export type {
  ApproveOptions,
  AuthorizationServer,
  AuthorizationServerCounters,
  AuthorizationServerOptions,
  TestClient
} from './authorization-server.js'
export { CookieJar } from './cookie-jar.js'
export { startQuirkyProvider } from './quirky-provider.js'
export { pageOf } from './paged-collection.js'
export type { PagedAnswer, PagedCollection } from './paged-collection.js'
export type {
  QuirkyCounters,
  QuirkyModes,
  QuirkyProvider,
  QuirkyProviderOptions,
  RevocationRecord
} from './quirky-provider.js'
export { percentEncode, signatureBaseString, startOAuth1Server } from './oauth1-server.js'
export type { OAuth1Counters, OAuth1Method, OAuth1Modes, OAuth1Server, OAuth1ServerOptions } from './oauth1-server.js'
export { createTestPki } from './test-certificates.js'
export type { IssueClientOptions, TestCertificate, TestPki } from './test-certificates.js'
export { certificateThumbprint, startMtlsServer } from './mtls-server.js'
export type { MtlsCounters, MtlsIntrospection, MtlsModes, MtlsServer, MtlsServerOptions } from './mtls-server.js'
export { startStack, StackError } from './start-stack.js'
export type { Stack, StackErrorCode, StackOptions, StartedStack, Teardowns } from './start-stack.js'
export { createTestDatabase, freePort, serviceUrls, testEncryptionKeys, testRedisPrefix } from './test-services.js'
export type { ServiceUrls, TestDatabase } from './test-services.js'
export { testConnector, testMcpConnector } from './test-connector.js'
export type { OAuth2ConnectorJson } from './test-connector.js'
export type { TestServerEndpoints } from './test-connector.js'
export { PrivateServerError, startPostgresServer, startRedisServer } from './private-servers.js'
export type {
  PostgresServer,
  PostgresServerOptions,
  PostgresStopMode,
  PrivateServerErrorCode,
  RedisServer,
  RedisServerOptions,
  RedisStartOptions,
  RedisStopMode
} from './private-servers.js'
export { RedisReplyError } from './redis-command.js'
export type { RedisReply } from './redis-command.js'
export { startWebhookReceiver } from './webhook-receiver.js'
export type { ReceivedWebhook, ReceiverAnswer, WebhookReceiver } from './webhook-receiver.js'
export { startRedisCluster } from './redis-cluster.js'
export type { RedisCluster } from './redis-cluster.js'
