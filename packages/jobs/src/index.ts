export { DEFAULT_PREFIX, QUEUE_NAMES } from './queue-names.js'
export type { QueueName } from './queue-names.js'
export {
  ActionJobSchema,
  HttpCallJobSchema,
  HttpJobSchema,
  RefreshJobSchema,
  RevokeJobSchema,
  WebhookJobSchema
} from './payloads.js'
export type { ActionJob, HttpCallJob, HttpJob, HttpJobResult, RefreshJob, RevokeJob, WebhookJob } from './payloads.js'
export { QueuePrefixError, REVOKE_ATTEMPTS, createJobQueues } from './job-queues.js'
export type { JobQueues, JobQueuesOptions } from './job-queues.js'
export { RedisPolicyError, assertRedisNoEviction } from './redis-policy.js'
export { isRedisUnavailable } from './redis-unavailable.js'
export { RedisClusterNodesError, duplicateRedis, keyPrefixOf, openRedis, parseClusterNodes } from './redis-client.js'
export type { RedisClient, RedisTarget } from './redis-client.js'
