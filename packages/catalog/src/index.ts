export { CATALOG } from './catalog.js'
export { GENERATED, actionsTable, connectorsTable, renderConnectorsDoc } from './connectors-doc.js'
