import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { joinScopes, renderTemplate, renderUrlTemplate } from '@latchkey/connector-sdk'
import type { ResolvedJwtBearer, TemplateValues } from '@latchkey/connector-sdk'
import { readKey } from './client-assertion.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'
import { parseTokenResponse } from './parse-token-response.js'
import type { TokenSet } from './token-set.js'

/** The grant type of RFC 7523 §2.1. */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer'

/**
 * Whether a text is a private key an assertion can be signed with: a sentence saying
 * what is wrong, never quoting it, or `undefined`.
 */
export function privateKeyProblem(text: string): string | undefined {
  try {
    readKey(text)
    return undefined
  } catch {
    return 'must be a private key: a PKCS #8 PEM ("-----BEGIN PRIVATE KEY-----") or a private JWK as JSON'
  }
}

/**
 * The JWT bearer assertion grant: signs the connector's assertion (`iss`, `sub`, `aud`
 * the token URL by default, `iat`, `exp`, a `jti`, the scopes when they go there) with the
 * end customer's private key (`credentials.private_key` of a service account key, or
 * `credentials.privateKey`) and exchanges it at the token URL.
 *
 * @param scopes the scopes asked for (the connector's defaults, usually).
 * @throws {OAuthError} `invalid_grant` at the `assertion` endpoint when refused, or a retryable code.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.1
 */
export async function fetchJwtBearerToken(
  scheme: ResolvedJwtBearer,
  values: TemplateValues,
  scopes: readonly string[],
  options: HttpOptions = {}
): Promise<TokenSet> {
  const credentials = values.credentials ?? {}
  const privateKey = credentials.private_key ?? credentials.privateKey ?? ''
  const { key, kid, alg } = readKey(privateKey)
  const tokenUrl = renderUrlTemplate(scheme.tokenUrl, values)
  const { assertion: declared } = scheme
  const nowMs = (options.now ?? Date.now)()
  const now = Math.floor(nowMs / 1000)
  const scope = scopes.length === 0 ? undefined : joinScopes(scopes, scheme.scopeDelimiter)
  const claims: Record<string, string> = {}
  for (const [name, template] of Object.entries(declared.claims)) claims[name] = renderTemplate(template, values)
  if (scope !== undefined && scheme.scopeIn === 'assertion') claims.scope = scope
  const keyId = kid ?? credentials.private_key_id
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'JWT', ...(keyId === undefined ? {} : { kid: keyId }) })
    .setIssuer(renderTemplate(declared.issuer, values))
    .setAudience(declared.audience === undefined ? tokenUrl : renderTemplate(declared.audience, values))
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + declared.lifetimeSeconds)
  if (declared.subject !== undefined) jwt = jwt.setSubject(renderTemplate(declared.subject, values))
  const assertion = await jwt.sign(key)
  const params: Record<string, string> = { grant_type: JWT_BEARER_GRANT, assertion }
  if (scope !== undefined && scheme.scopeIn === 'request') params.scope = scope
  const answer = await sendToEndpoint(
    {
      endpoint: 'assertion',
      url: tokenUrl,
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString()
    },
    options
  )
  const tokens = parseTokenResponse(answer, {
    endpoint: 'assertion',
    accessTokenPath: scheme.accessTokenPath,
    expiry: scheme.expiry,
    now: nowMs,
    secrets: [assertion, privateKey],
    requestedScopes: scopes
  })
  // The grant is run again instead of refreshing.
  return { ...tokens, refreshToken: undefined }
}
