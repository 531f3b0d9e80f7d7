#!/usr/bin/env node
// npm run bench:cipher — the JWE of secrets at rest (`dir` + `A256GCM`, compact): jose's
// WebCrypto path against the store's node:crypto AES-256-GCM writing the same format, in
// one run, on a token set's size. Prints operations per second and the ratio. Bounded.
import { randomBytes } from 'node:crypto'
import { CompactEncrypt, compactDecrypt } from 'jose'
import { createCipher } from '@latchkey/store'

const seconds = Number(process.env.BENCH_SECONDS ?? 2)
const key = randomBytes(32)
const cipher = createCipher(`k1:${key.toString('base64')}`)
const plaintext = JSON.stringify({
  accessToken: randomBytes(600).toString('base64url'),
  refreshToken: randomBytes(48).toString('base64url'),
  tokenType: 'Bearer',
  scopes: ['read', 'write']
})
const encoder = new TextEncoder()
const raw = new Uint8Array(key)
const joseEncrypt = () =>
  new CompactEncrypt(encoder.encode(plaintext))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k1' })
    .encrypt(raw)
const sealed = await joseEncrypt()
const joseDecrypt = () =>
  compactDecrypt(sealed, raw, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] })

async function rate(fn) {
  const until = performance.now() + seconds * 1000
  let n = 0
  // 32 in flight, as concurrent refreshes would be.
  while (performance.now() < until) {
    await Promise.all(Array.from({ length: 32 }, fn))
    n += 32
  }
  return n / seconds
}

console.log(`bench:cipher — ${plaintext.length}-byte token set, ${seconds} s per figure`)
const rows = [
  ['encrypt', await rate(joseEncrypt), await rate(() => cipher.encrypt(plaintext))],
  ['decrypt', await rate(joseDecrypt), await rate(() => cipher.decrypt(sealed))]
]
for (const [name, jose, node] of rows)
  console.log(
    `  ${name}  jose ${jose.toFixed(0).padStart(7)}/s   node:crypto ${node.toFixed(0).padStart(7)}/s   ratio ${(node / jose).toFixed(2)}`
  )
