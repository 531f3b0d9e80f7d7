import type { ConnectorDefinition, ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import type { JobQueues } from '@latchkey/jobs'
import type { Store } from '@latchkey/store'
import { Catalog } from './catalog.js'
import { ConnectFlow } from './connect-flow.js'
import { ConnectionService } from './connection-service.js'
import { ConnectorService } from './connector-service.js'
import type { RuntimeConfig } from './runtime-config.js'
import { TenantService } from './tenant-service.js'

/** Every domain service, over one store and one set of queues. */
export interface Runtime {
  readonly config: RuntimeConfig
  readonly store: Store
  readonly queues: JobQueues
  readonly catalog: Catalog
  readonly tenants: TenantService
  readonly connectors: ConnectorService
  readonly connections: ConnectionService
  readonly connect: ConnectFlow
}

/** Wires the services. The caller owns `store` and `queues` and closes them. */
export function createRuntime(options: { store: Store; queues: JobQueues; connectors: readonly (ConnectorDefinition | ConnectorDefinitionJson)[]; config: RuntimeConfig }): Runtime {
  const { store, queues, config } = options
  const catalog = new Catalog(options.connectors, store.customConnectors)
  return {
    config,
    store,
    queues,
    catalog,
    tenants: new TenantService(store),
    connectors: new ConnectorService(store, catalog, config.publicUrl),
    connections: new ConnectionService(store, catalog, queues, config),
    connect: new ConnectFlow(store, catalog, config)
  }
}
