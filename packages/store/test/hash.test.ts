import { createHash } from 'node:crypto'
import t from 'tap'
import { sha256 } from '../src/hash.js'

// Stored API key, state and start-token hashes must keep matching: the digest never changes form.
t.test('sha256 is the hex SHA-256 of the UTF-8 text', async (t) => {
  t.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'FIPS 180-2 vector')
  t.equal(sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  for (const text of ['lk_0123456789abcdef', 'clé-Ünïcode-🔑'])
    t.equal(sha256(text), createHash('sha256').update(text, 'utf8').digest('hex'), text)
})
