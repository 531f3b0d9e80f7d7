import t from 'tap'
import type { Test } from 'tap'
import type { Store } from '../src/index.js'
import { addConnection, freshStore } from './helpers.js'

/** A connected connection whose token set is taken off it and queued for revocation, as a disconnect does. */
async function queuedRevocation(
  t: Test
): Promise<{ store: Store; id: string; tenantId: string; connectionId: string }> {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const connection = await addConnection(store, tenant)
  await store.credentials.put(tenant.id, connection.id, {
    tokenSet: { accessToken: 'AT-REVOKE', refreshToken: 'RT-REVOKE' },
    expiresAt: null,
    refreshDueAt: null
  })
  const id = await store.db.transaction().execute(async (trx) => {
    const taken = await store.credentials.take(connection.id, trx)
    if (taken === undefined) throw new Error('the credential was not there')
    return store.revocations.create(tenant.id, connection.id, taken.tokenSetEnc, { clientId: 'CID-SNAPSHOT' }, trx)
  })
  return { store, id, tenantId: tenant.id, connectionId: connection.id }
}

t.test('a queued revocation holds the token set and its snapshot encrypted, and opens them', async (t) => {
  const { store, id, tenantId, connectionId } = await queuedRevocation(t)
  t.notMatch(
    JSON.stringify(await store.db.selectFrom('revocations').selectAll().execute()),
    /AT-REVOKE|RT-REVOKE|CID-SNAPSHOT/
  )
  t.match(await store.revocations.get(id), {
    tenant_id: tenantId,
    connection_id: connectionId,
    status: 'pending',
    attempts: 0,
    tokenSet: { accessToken: 'AT-REVOKE', refreshToken: 'RT-REVOKE' },
    context: { clientId: 'CID-SNAPSHOT' }
  })
  t.equal(await store.credentials.get(connectionId), undefined, 'the credential is gone from the connection')
  t.equal(await store.revocations.get('00000000-0000-4000-8000-000000000000'), undefined)
})

t.test('finishing purges the secrets, keeps the record, and happens once', async (t) => {
  const { store, id } = await queuedRevocation(t)
  t.equal(await store.revocations.finish(id, 'failed', 'invalid_client'), true)
  t.match(await store.revocations.get(id), {
    status: 'failed',
    last_error: 'invalid_client',
    attempts: 1,
    finished_at: Date,
    token_set_enc: null,
    context_enc: null,
    tokenSet: undefined,
    context: {}
  })
  t.equal(await store.revocations.finish(id, 'done', null), false, 'a late second finish changes nothing')
  t.match(await store.revocations.get(id), { status: 'failed', last_error: 'invalid_client', attempts: 1 })
})

t.test('a failed attempt is counted and leaves the revocation pending', async (t) => {
  const { store, id } = await queuedRevocation(t)
  await store.revocations.recordAttempt(id, 'provider answered 503')
  await store.revocations.recordAttempt(id, 'provider timed out')
  t.match(await store.revocations.get(id), {
    status: 'pending',
    attempts: 2,
    last_error: 'provider timed out',
    tokenSet: { accessToken: 'AT-REVOKE' }
  })
})

t.test('pending lists unfinished revocations older than the age given, oldest first, up to the limit', async (t) => {
  const { store, id, tenantId, connectionId } = await queuedRevocation(t)
  const second = await store.revocations.create(tenantId, connectionId, await store.cipher.encrypt('{}'), {})
  const finished = await store.revocations.create(tenantId, connectionId, await store.cipher.encrypt('{}'), {})
  await store.revocations.finish(finished, 'done', null)
  // Age them: the sweep only re-queues revocations that have waited a while.
  await store.db
    .updateTable('revocations')
    .set({ created_at: new Date(Date.now() - 120_000) })
    .where('id', '=', id)
    .execute()
  await store.db
    .updateTable('revocations')
    .set({ created_at: new Date(Date.now() - 60_000) })
    .where('id', 'in', [second, finished])
    .execute()

  t.same(await store.revocations.pending(30, 10), [
    { id, tenant_id: tenantId, connection_id: connectionId },
    { id: second, tenant_id: tenantId, connection_id: connectionId }
  ])
  t.same(
    (await store.revocations.pending(90, 10)).map((row) => row.id),
    [id],
    'younger than 90 seconds: left alone'
  )
  t.same(
    (await store.revocations.pending(30, 1)).map((row) => row.id),
    [id],
    'the limit keeps the oldest'
  )
})
