import t from 'tap'
import { freshStore } from './helpers.js'

t.test('an edit without the client secret keeps the stored secret, and only edits an existing app', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  t.equal(
    await store.apps.upsert(tenant.id, 'box', { clientId: 'cid', scopes: null, overrides: {} }),
    false,
    'no app yet: nothing written'
  )
  t.equal(await store.apps.get(tenant.id, 'box'), undefined)

  await store.apps.upsert(tenant.id, 'box', { clientId: 'cid', clientSecret: 'SECRET', scopes: null, overrides: {} })
  t.equal(
    await store.apps.upsert(tenant.id, 'box', {
      clientId: 'cid-2',
      scopes: ['root_readwrite'],
      overrides: { tokenUrl: 'https://t.example' }
    }),
    true
  )
  t.match(await store.apps.get(tenant.id, 'box'), {
    client: { clientId: 'cid-2', clientSecret: 'SECRET' },
    scopes: ['root_readwrite'],
    overrides: { tokenUrl: 'https://t.example' }
  })
})

t.test('configured: connectors with an OAuth client, not those with URL overrides only', async (t) => {
  const { store } = await freshStore(t)
  const a = (await store.tenants.create('A')).tenant
  const b = (await store.tenants.create('B')).tenant
  await store.apps.upsert(a.id, 'box', { clientId: 'cid', clientSecret: 's', scopes: null, overrides: {} })
  await store.apps.upsert(a.id, 'stripe', {
    clientId: null,
    scopes: null,
    overrides: { baseUrl: 'https://stripe-mock.example' }
  })
  t.same([...(await store.apps.configured(a.id)).entries()], [['box', null]])
  t.same([...(await store.apps.configured(b.id)).keys()], [], 'scoped to the tenant')
  await store.apps.upsert(a.id, 'box', {
    clientId: 'cid',
    clientSecret: 's',
    scopes: ['root_readwrite'],
    overrides: {}
  })
  t.same((await store.apps.configured(a.id)).get('box'), ['root_readwrite'], "with the app's default scopes")
})

t.test('a client certificate is stored encrypted, kept by edits that omit it, removed by null', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const certificate = { certificate: '-----BEGIN CERTIFICATE-----\nCERT-1\n', privateKey: 'PRIVATE-KEY-CANARY' }
  // A client authenticated by its certificate (tls_client_auth) has no secret.
  await store.apps.upsert(tenant.id, 'bank', {
    clientId: 'cid',
    clientSecret: null,
    clientCertificate: certificate,
    scopes: null,
    overrides: {}
  })
  const raw = await store.db
    .selectFrom('connector_apps')
    .select(['client_certificate_enc', 'client_secret_enc'])
    .executeTakeFirstOrThrow()
  t.equal(raw.client_secret_enc, null, 'no secret stored')
  t.notMatch(raw.client_certificate_enc, /PRIVATE-KEY-CANARY|CERT-1/, 'neither the key nor the certificate in clear')
  t.match(raw.client_certificate_enc, /^eyJ[^.]+\.\.[^.]+\.[^.]+\.[^.]+$/, 'a JWE like every encrypted column')
  const stored = await store.apps.get(tenant.id, 'bank')
  t.same(stored?.client, { clientId: 'cid', clientSecret: undefined }, 'a client without a secret')
  t.same(stored?.clientCertificate, certificate, 'decrypted back')
  t.same([...(await store.apps.configured(tenant.id)).keys()], ['bank'], 'counted as an app')
  t.same([...(await store.apps.certified(tenant.id))], ['bank'], 'with a certificate')

  await store.apps.upsert(tenant.id, 'bank', { clientId: 'cid', scopes: ['accounts'], overrides: {} })
  t.same((await store.apps.get(tenant.id, 'bank'))?.clientCertificate, certificate, 'an edit without it keeps it')
  await store.apps.upsert(tenant.id, 'bank', { clientId: 'cid', clientCertificate: null, scopes: null, overrides: {} })
  t.equal((await store.apps.get(tenant.id, 'bank'))?.clientCertificate, null, 'null removes it')
  t.same([...(await store.apps.certified(tenant.id))], [], 'no certificate any more')

  // An app with URL overrides only (an API key connector) may hold one too.
  await store.apps.upsert(tenant.id, 'keyed', {
    clientId: null,
    clientCertificate: certificate,
    scopes: null,
    overrides: { baseUrl: 'https://api.example' }
  })
  t.match(await store.apps.get(tenant.id, 'keyed'), { client: null, clientCertificate: certificate })
})
