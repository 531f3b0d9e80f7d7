import fc from 'fast-check'
import t from 'tap'
import { hasUnstorableText, sanitizeProviderText, sanitizeProviderValue } from '../src/index.js'
import { isUnstorable } from './helpers.js'

/** Any UTF-16 code unit, so that lone surrogates and NUL are common. */
const codeUnits = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE00', 'a'),
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))
  )
})

t.test('NUL and unpaired surrogates become U+FFFD; pairs and everything else are kept', async (t) => {
  t.equal(sanitizeProviderText('a\u0000b'), 'a\uFFFDb')
  t.equal(sanitizeProviderText('\uD800'), '\uFFFD', 'a lone high surrogate')
  t.equal(sanitizeProviderText('\uDC00x'), '\uFFFDx', 'a lone low surrogate')
  t.equal(sanitizeProviderText('\uDC00\uD800'), '\uFFFD\uFFFD', 'a low then a high: two lone halves')
  t.equal(sanitizeProviderText('\uD83D\uDE00 ok'), '\uD83D\uDE00 ok', 'a real pair (an emoji) is kept')
  t.equal(sanitizeProviderText('\uD83D\uD83D\uDE00'), '\uFFFD\uD83D\uDE00', 'a high before a pair')
  t.equal(sanitizeProviderText('tab\tline\nÜ€'), 'tab\tline\nÜ€', 'other control characters and non-ASCII are kept')
  t.equal(hasUnstorableText('ok'), false)
  t.equal(hasUnstorableText('a\u0000'), true)
  t.equal(hasUnstorableText('\uDFFF'), true)
})

t.test('over any sequence of code units: storable, same length, unchanged when already storable', async (t) => {
  fc.assert(
    fc.property(codeUnits, (text) => {
      const clean = sanitizeProviderText(text)
      return (
        !isUnstorable(clean) &&
        clean.length === text.length &&
        (isUnstorable(text) || clean === text) &&
        hasUnstorableText(text) === isUnstorable(text)
      )
    }),
    { numRuns: 3000 }
  )
  t.pass('held')
})

t.test('deeply in JSON values: strings, object keys, arrays; other values as they are', async (t) => {
  t.same(sanitizeProviderValue({ 'k\u0000': ['a\uD800', { b: 'c\u0000' }, 1, true, null] }), {
    'k\uFFFD': ['a\uFFFD', { b: 'c\uFFFD' }, 1, true, null]
  })
  fc.assert(
    fc.property(
      fc.jsonValue({
        maxDepth: 4,
        stringUnit: fc.oneof(
          fc.constantFrom('\u0000', '\uD800', '\uDC00', 'a'),
          fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))
        )
      }),
      (value) => {
        const json = JSON.stringify(sanitizeProviderValue(value))
        return !/\\u0000|\\ud[89a-f][0-9a-f]{2}/i.test(json) && !isUnstorable(json)
      }
    ),
    { numRuns: 1000 }
  )
  const deep: unknown[] = []
  let cursor = deep
  for (let i = 0; i < 100_000; i++) {
    const next: unknown[] = []
    cursor.push(next)
    cursor = next
  }
  cursor.push('\u0000')
  t.doesNotThrow(() => sanitizeProviderValue(deep), 'no stack overflow on deep nesting')
})
