import { DefinitionError } from './errors.js'
import type { ConnectorDefinition, ConnectorDefinitionInput } from './schema.js'
import { validateConnectorInput } from './validate-definition.js'

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * Declares a connector: validates the definition, reports every problem at once, and
 * returns it deeply frozen. An identity helper otherwise: what you write is what you get,
 * with its literal types.
 *
 * @throws {DefinitionError} listing every problem with its path.
 * @example
 * export const box = defineConnector({ key: 'box', name: 'Box', version: '1.0.0', auth: {...} })
 */
export function defineConnector<T extends ConnectorDefinitionInput>(definition: T): ConnectorDefinition<T> {
  const result = validateConnectorInput(definition)
  if (!result.ok)
    throw new DefinitionError(
      result.issues,
      `connector definition${typeof definition?.key === 'string' ? ` "${definition.key}"` : ''}`
    )
  return deepFreeze(structuredCloneKeepingFunctions(definition)) as ConnectorDefinition<T>
}

/** Copies plain data and keeps functions by reference, so freezing never touches the caller's object. */
function structuredCloneKeepingFunctions<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => structuredCloneKeepingFunctions(item)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneKeepingFunctions(v)])) as T
  }
  return value
}
