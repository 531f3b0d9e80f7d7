#!/usr/bin/env node
// `npm start`: the whole system on one machine.
//   1. PostgreSQL and Redis: DATABASE_URL / REDIS_URL, or private ones (infra/local).
//   2. Development secrets (encryption key, admin token) kept in the data folder, unless given.
//   3. The testkit authorization server as a `sandbox` connector (LATCHKEY_SANDBOX=off to skip).
//   4. The API (services/api), which runs migrations at start, and the worker (services/worker).
//   5. A development tenant whose API key is printed, with the sandbox app configured.
// Stops everything it started on Ctrl-C / SIGTERM.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureLocalServices, stopLocalServices } from './local-services.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const DATA = resolve(process.env.LATCHKEY_DATA_DIR ?? join(ROOT, '.data'))
const children = []

function say(message) {
  process.stderr.write(`latchkey: ${message}\n`)
}

function readJson(path, fallback) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 })
}

/** Development secrets, generated once and kept in the data folder (never for production). */
function developmentSecrets() {
  const path = join(DATA, 'dev-secrets.json')
  const secrets = readJson(path, {})
  let changed = false
  if (process.env.LATCHKEY_ENCRYPTION_KEYS === undefined && secrets.encryptionKeys === undefined) {
    secrets.encryptionKeys = `dev1:${randomBytes(32).toString('base64')}`
    changed = true
  }
  if (process.env.LATCHKEY_ADMIN_TOKEN === undefined && secrets.adminToken === undefined) {
    secrets.adminToken = randomBytes(24).toString('base64url')
    changed = true
  }
  secrets.sandboxClientSecret ??= randomBytes(18).toString('base64url')
  if (changed || !existsSync(path)) writeJson(path, secrets)
  if (process.env.LATCHKEY_ENCRYPTION_KEYS === undefined) {
    say(
      `WARNING: using a development encryption key kept in ${path}; set LATCHKEY_ENCRYPTION_KEYS for anything but local development`
    )
  }
  return {
    encryptionKeys: process.env.LATCHKEY_ENCRYPTION_KEYS ?? secrets.encryptionKeys,
    adminToken: process.env.LATCHKEY_ADMIN_TOKEN ?? secrets.adminToken,
    sandboxClientSecret: secrets.sandboxClientSecret
  }
}

function requireBuilt(path) {
  if (!existsSync(path)) {
    say(`${path} is missing: build first with "npm run build" (npm ci does it)`)
    process.exit(1)
  }
}

async function waitReady(url, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the API did not become ready within 30 s')
}

async function api(url, method, path, token, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return text === '' ? undefined : JSON.parse(text)
}

/** The development tenant: reused across restarts (its key kept in the data folder). */
async function developmentTenant(url, adminToken) {
  const path = join(DATA, 'dev-tenant.json')
  const saved = readJson(path, undefined)
  if (saved !== undefined) {
    const check = await fetch(`${url}/v1/connectors`, { headers: { authorization: `Bearer ${saved.apiKey}` } })
    if (check.ok) return saved
  }
  const tenant = await api(url, 'POST', '/v1/tenants', adminToken, { name: 'Development' })
  writeJson(path, tenant)
  return tenant
}

async function main() {
  mkdirSync(DATA, { recursive: true })
  const { databaseUrl, redisUrl, started } = await ensureLocalServices({ dir: DATA })
  // What npm start started it stops on the way out (servers found running, or given by URL, stay).
  if (process.env.LATCHKEY_KEEP_SERVICES !== 'true') startedServices = started
  const secrets = developmentSecrets()
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'
  const publicUrl = (process.env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(
    /\/+$/,
    ''
  )
  const localUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  const apiEntry = join(ROOT, 'services', 'api', 'dist', 'server.js')
  const workerEntry = join(ROOT, 'services', 'worker', 'dist', 'server.js')
  requireBuilt(apiEntry)
  requireBuilt(workerEntry)

  let sandbox
  if (process.env.LATCHKEY_SANDBOX !== 'off') {
    const { startAuthorizationServer } = await import('@latchkey/testkit')
    sandbox = await startAuthorizationServer({
      clients: [
        {
          clientId: 'sandbox-app',
          clientSecret: secrets.sandboxClientSecret,
          redirectUris: [`${publicUrl}/oauth/callback/`]
        }
      ],
      scopes: ['read', 'write'],
      accessTokenTtlSeconds: Number(process.env.LATCHKEY_SANDBOX_TOKEN_TTL_SECONDS ?? 3600)
    })
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
    LATCHKEY_ENCRYPTION_KEYS: secrets.encryptionKeys,
    LATCHKEY_ADMIN_TOKEN: secrets.adminToken,
    PORT: String(port),
    HOST: host,
    PUBLIC_URL: publicUrl,
    // The sandbox provider lives on loopback; production keeps private targets refused.
    LATCHKEY_ALLOW_PRIVATE_NETWORK: process.env.LATCHKEY_ALLOW_PRIVATE_NETWORK ?? 'true'
  }
  const apiProcess = spawn(process.execPath, [apiEntry], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  children.push(apiProcess)
  apiProcess.on('exit', (code) => {
    say(`the API stopped (code ${code})`)
    shutdown(code ?? 1)
  })
  await waitReady(localUrl, apiProcess)
  // The worker starts once the API has migrated the database.
  const workerProcess = spawn(process.execPath, [workerEntry], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  children.push(workerProcess)
  workerProcess.on('exit', (code) => {
    say(`the worker stopped (code ${code})`)
    shutdown(code ?? 1)
  })

  const tenant = await developmentTenant(localUrl, secrets.adminToken)
  if (sandbox !== undefined) {
    await api(localUrl, 'POST', '/v1/connectors', tenant.apiKey, {
      key: 'sandbox',
      name: 'Sandbox (local test provider)',
      version: '1.0.0',
      description:
        'A real OAuth 2.0 authorization server on this machine, for trying Latchkey without any third-party account.',
      auth: {
        kind: 'oauth2',
        grant: 'authorization_code',
        authorizeUrl: sandbox.authorizeUrl,
        tokenUrl: sandbox.tokenUrl,
        revokeUrl: sandbox.revokeUrl,
        issuer: sandbox.issuer,
        scopes: { read: 'Read your sandbox data', write: 'Change your sandbox data' },
        defaultScopes: ['read'],
        customerSelectsScopes: true
      },
      http: { baseUrl: sandbox.apiBaseUrl }
    })
    await api(localUrl, 'PUT', '/v1/connectors/sandbox/app', tenant.apiKey, {
      clientId: 'sandbox-app',
      clientSecret: secrets.sandboxClientSecret
    })
  }

  // A wizard link for a first end customer (connect sessions last 30 minutes; the console makes more).
  const wizard = await api(localUrl, 'POST', '/v1/connect-sessions', tenant.apiKey, { externalId: 'customer-1' })
  const lines = [
    '',
    'Latchkey is running.',
    `  Console        ${publicUrl}/console/   (sign in with the tenant API key below)`,
    `  Connect wizard ${wizard.url}   (end customer "customer-1"; valid 30 minutes)`,
    `  API            ${publicUrl}   (OpenAPI: ${publicUrl}/docs/json); worker running`,
    `  Redirect URI   ${publicUrl}/oauth/callback/   (register it at each provider, trailing slash included)`,
    `  Tenant API key ${tenant.apiKey}   (development tenant "${tenant.name}")`,
    `  Admin token    in ${join(DATA, 'dev-secrets.json')}`,
    sandbox === undefined
      ? '  Sandbox        off'
      : `  Sandbox        connector "sandbox" -> ${sandbox.issuer} (sign in with any user name)`,
    '',
    'Try it (README, "Connect something in a minute"):',
    `  export LATCHKEY=${publicUrl} KEY=${tenant.apiKey}`,
    '  curl -s -X POST $LATCHKEY/v1/connections -H "authorization: Bearer $KEY" -H "content-type: application/json" -d \'{"connector":"sandbox"}\'',
    ''
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  process.stdout.write(
    `${JSON.stringify({ ready: true, url: publicUrl, apiKey: tenant.apiKey, consoleUrl: `${publicUrl}/console/`, wizardUrl: wizard.url })}\n`
  )

  const stopSandbox = async () => sandbox?.close()
  process.once('SIGINT', () => void stopSandbox().then(() => shutdown(0)))
  process.once('SIGTERM', () => void stopSandbox().then(() => shutdown(0)))
}

let stopping = false
let startedServices = { postgres: false, redis: false }
function shutdown(code) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 15_000).unref()
  Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined))
  )
    .then(async () => {
      if (!startedServices.postgres && !startedServices.redis) return
      await stopLocalServices({ dir: DATA, only: startedServices })
      say(
        `stopped the ${[startedServices.postgres ? 'PostgreSQL' : '', startedServices.redis ? 'Redis' : ''].filter(Boolean).join(' and ')} it started (LATCHKEY_KEEP_SERVICES=true keeps them)`
      )
    })
    .catch((error) => say(`could not stop the local services: ${error instanceof Error ? error.message : error}`))
    .then(() => process.exit(code))
}

main().catch((error) => {
  say(error instanceof Error ? error.message : String(error))
  shutdown(1)
})
