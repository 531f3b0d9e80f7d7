import { box } from '@latchkey/connector-box'
import { github } from '@latchkey/connector-github'
import { zendesk } from '@latchkey/connector-zendesk'
import type { ConnectorDefinition } from '@latchkey/connector-sdk'

/** The built-in connectors: one package per API under `connectors/`. */
export const CATALOG: readonly ConnectorDefinition[] = [box, github, zendesk]
