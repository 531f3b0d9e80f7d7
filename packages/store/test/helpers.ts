import type { Test } from 'tap'
import { createTestDatabase, testEncryptionKeys } from '@latchkey/testkit'
import { openStore } from '../src/index.js'
import type { Connection, NewConnectionInput, Store, Tenant } from '../src/index.js'

/** A store over a database of its own, closed and dropped when the test ends. */
export async function freshStore(
  t: Test,
  keys = testEncryptionKeys()
): Promise<{ store: Store; url: string; keys: string }> {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const store = await openStore({ connectionString: database.url, encryptionKeys: keys })
  t.teardown(() => store.close())
  return { store, url: database.url, keys }
}

/** A Box connection of the tenant, without a client of its own; `input` replaces any field. */
export async function addConnection(
  store: Store,
  tenant: Tenant,
  input: Partial<NewConnectionInput> = {}
): Promise<Connection> {
  return store.connections.create({
    tenantId: tenant.id,
    connectorKey: 'box',
    externalId: null,
    label: null,
    parameters: {},
    requestedScopes: [],
    client: null,
    ...input
  })
}
