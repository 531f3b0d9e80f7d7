import { randomBytes } from 'node:crypto'
import t from 'tap'
import { CompactEncrypt, compactDecrypt } from 'jose'
import { DecryptError, createCipher } from '../src/index.js'

const key = randomBytes(32)
const spec = `k1:${key.toString('base64')}`
const header = { alg: 'dir', enc: 'A256GCM', kid: 'k1' } as const

t.test('the same compact JWE as jose, read and written both ways', async (t) => {
  const cipher = createCipher(spec)
  const text = 'refresh token ✓ — ' + 'x'.repeat(3000)
  const ours = await cipher.encrypt(text)
  t.ok(ours.startsWith(cipher.currentPrefix), 'the header every value under the current key starts with')
  t.equal(ours.split('.').length, 5)
  t.equal(ours.split('.')[1], '', 'dir: no encrypted key')
  const opened = await compactDecrypt(ours, new Uint8Array(key), {
    keyManagementAlgorithms: ['dir'],
    contentEncryptionAlgorithms: ['A256GCM']
  })
  t.equal(new TextDecoder().decode(opened.plaintext), text, 'jose reads what we write')
  t.same(opened.protectedHeader, header)
  const theirs = await new CompactEncrypt(new TextEncoder().encode(text))
    .setProtectedHeader(header)
    .encrypt(new Uint8Array(key))
  t.equal(await cipher.decrypt(theirs), text, 'we read what jose wrote (every value stored before)')
  t.equal(cipher.kidOf(theirs), 'k1')
  t.not(await cipher.encrypt(text), ours, 'a fresh IV every time')
})

t.test('altered values and foreign algorithms are refused', async (t) => {
  const cipher = createCipher(spec)
  const sealed = await cipher.encrypt('secret')
  const [h, k, iv, ct, tag] = sealed.split('.') as [string, string, string, string, string]
  const flip = (part: string) => {
    const bytes = Buffer.from(part, 'base64url')
    bytes[0] = (bytes[0] as number) ^ 1
    return bytes.toString('base64url')
  }
  const forged = (headerValue: object) =>
    [Buffer.from(JSON.stringify(headerValue)).toString('base64url'), k, iv, ct, tag].join('.')
  for (const [name, value] of [
    ['ciphertext', [h, k, iv, flip(ct), tag].join('.')],
    ['tag', [h, k, iv, ct, flip(tag)].join('.')],
    ['iv', [h, k, flip(iv), ct, tag].join('.')],
    ['header (the AAD)', forged({ alg: 'dir', enc: 'A256GCM', kid: 'k1', extra: 1 })],
    ['another enc', forged({ alg: 'dir', enc: 'A128GCM', kid: 'k1' })],
    ['another alg', forged({ alg: 'A256KW', enc: 'A256GCM', kid: 'k1' })],
    ['an encrypted key', [h, 'AAAA', iv, ct, tag].join('.')],
    ['a short tag', [h, k, iv, ct, tag.slice(0, 8)].join('.')],
    ['four parts', [h, iv, ct, tag].join('.')]
  ] as const) {
    await t.rejects(cipher.decrypt(value), DecryptError, name)
  }
  await t.rejects(
    createCipher(`k2:${randomBytes(32).toString('base64')}`).decrypt(sealed),
    { message: /key "k1", which LATCHKEY_ENCRYPTION_KEYS does not hold/ },
    'a key id we do not hold'
  )
  await t.rejects(cipher.decrypt('not a jwe'), DecryptError)
  t.equal(cipher.kidOf('not a jwe'), undefined)
})
