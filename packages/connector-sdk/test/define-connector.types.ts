// Type-level checks, verified by `npm run typecheck` (never executed).
import { defineConnector } from '../src/index.js'

const connector = defineConnector({
  key: 'typed',
  name: 'Typed',
  version: '1.0.0',
  configValues: [{ key: 'host', label: 'Host', compute: ({ parameters }) => parameters.region ?? 'us' }],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://a.example/a',
    tokenUrl: 'https://a.example/t',
    scopeDelimiter: ','
  }
})

// Literal types survive: the auth kind narrows.
const kind: 'oauth2' = connector.auth.kind
const delimiter: ' ' | ',' | undefined = connector.auth.scopeDelimiter
void kind
void delimiter

// The result is read-only.
// @ts-expect-error a defined connector is frozen
connector.auth.tokenUrl = 'x'

defineConnector({
  key: 'typed',
  name: 'Typed',
  version: '1.0.0',
  // @ts-expect-error an unknown auth kind does not type-check
  auth: {
    kind: 'saml',
    grant: 'authorization_code',
    authorizeUrl: 'https://a.example/a',
    tokenUrl: 'https://a.example/t'
  }
})

defineConnector({
  key: 'typed',
  name: 'Typed',
  version: '1.0.0',
  // @ts-expect-error the delimiter is space or comma
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://a.example/a',
    tokenUrl: 'https://a.example/t',
    scopeDelimiter: ';'
  }
})

defineConnector({
  key: 'typed',
  name: 'Typed',
  version: '1.0.0',
  // @ts-expect-error a computed value must return a string
  configValues: [{ key: 'n', label: 'N', compute: () => 5 }],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://a.example/a',
    tokenUrl: 'https://a.example/t'
  }
})
