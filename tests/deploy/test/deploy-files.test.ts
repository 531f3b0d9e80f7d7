import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Test } from 'tap'
import { DockerfileParser } from 'dockerfile-ast'
import { ConfigMap, Service } from 'kubernetes-models/v1'
import { Deployment } from 'kubernetes-models/apps/v1'
import { Job } from 'kubernetes-models/batch/v1'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1'
import { parse, parseAllDocuments } from 'yaml'
import { ConfigSchema } from '@latchkey/api'
import { WorkerConfigSchema } from '@latchkey/worker'
import { createTestDatabase, freePort, serviceUrls, testEncryptionKeys, testRedisPrefix } from '@latchkey/testkit'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const DEPLOY = `${ROOT}infra/deploy/`
const read = (path: string) => readFileSync(`${DEPLOY}${path}`, 'utf8')

/** The commands of the image and of every deployment file: the README's, and they exist once built. */
const API = ['node', 'services/api/dist/server.js']
const WORKER = ['node', 'services/worker/dist/server.js']
const MIGRATE = ['node', 'packages/cli/bin/latchkey.js', 'migrate']

t.test('the Dockerfile: multi-stage on node:20 slim, production dependencies only, a non-root user', async (t) => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'))
  const froms = dockerfile.getFROMs()
  t.ok(froms.length >= 3, 'build, dependencies, image')
  for (const from of froms) t.equal(from.getImageName(), 'node', 'node images only')
  t.ok(
    froms.every((f) => f.getImageTag() === '20-slim'),
    'node:20-slim'
  )
  const instructions = dockerfile.getInstructions()
  const final = instructions.slice(instructions.indexOf(froms.at(-1) as never))
  const runs = instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent() ?? '')
  t.ok(
    runs.some((r) => /npm ci --omit=dev/.test(r)),
    'a stage installs production dependencies only'
  )
  const finalText =
    read('Dockerfile')
      .split(/^FROM /m)
      .at(-1) ?? ''
  t.match(finalText, /^COPY --from=deps .*node_modules/m, 'the image takes its node_modules from that stage')
  t.notMatch(finalText, /^COPY --from=build .*node_modules/m, 'never the build stage (dev dependencies)')
  const user = final.find((i) => i.getKeyword() === 'USER')?.getArgumentsContent() ?? undefined
  t.ok(user !== undefined && !['root', '0'].includes(user), `runs as ${String(user)}, not root`)
  const cmd = final.find((i) => i.getKeyword() === 'CMD')?.getArgumentsContent()
  t.same(JSON.parse(cmd ?? '[]'), API, 'the API by default')
  t.ok(existsSync(`${ROOT}.dockerignore`), 'a .dockerignore keeps node_modules and builds out of the context')
})

t.test('compose: PostgreSQL 15, Redis 7 with noeviction and AOF, migrations once, API ×2, worker ×2', async (t) => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    services: Record<
      string,
      {
        image?: string
        command?: string[]
        deploy?: { replicas?: number }
        depends_on?: Record<string, { condition: string }>
        env_file?: string
        restart?: string
        healthcheck?: unknown
      }
    >
  }
  const { postgres, redis, migrate, api, worker } = compose.services
  t.match(postgres?.image, /^postgres:15/)
  t.match(redis?.image, /^redis:7/)
  t.same(redis?.command, ['redis-server', '--maxmemory-policy', 'noeviction', '--appendonly', 'yes'])
  t.same(migrate?.command, MIGRATE)
  t.equal(migrate?.restart, 'no', 'the migration runs once')
  t.same(api?.command, API)
  t.same(worker?.command, WORKER)
  t.equal(api?.deploy?.replicas, 2)
  t.equal(worker?.deploy?.replicas, 2)
  for (const service of [api, worker]) {
    t.equal(service?.depends_on?.migrate?.condition, 'service_completed_successfully', 'after the migrations')
    t.equal(service?.env_file, '.env')
    t.ok(service?.healthcheck, 'a health check')
  }
  // Every variable a process reads has a line in .env.example, except where it listens (the image's).
  const example = new Set(
    read('.env.example')
      .split('\n')
      .map((line) => /^([A-Z_]+)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined)
  )
  for (const schema of [ConfigSchema, WorkerConfigSchema])
    for (const name of Object.keys(schema.properties))
      if (!['PORT', 'HOST', 'WORKER_HTTP_HOST', 'WORKER_HTTP_PORT'].includes(name))
        t.ok(example.has(name), `.env.example sets ${name}`)
})

t.test('the Kubernetes manifests validate as Kubernetes objects and run the same commands', async (t) => {
  const MODELS: Record<string, new (value: never) => { validate(): void }> = {
    Deployment,
    Service,
    HorizontalPodAutoscaler,
    PodDisruptionBudget,
    ConfigMap,
    Job
  }
  const objects: { kind: string; metadata: { name: string }; spec?: unknown }[] = []
  for (const file of readdirSync(`${DEPLOY}kubernetes`).filter((f) => f.endsWith('.yaml'))) {
    for (const document of parseAllDocuments(read(`kubernetes/${file}`))) {
      t.same(document.errors, [], `${file} parses`)
      const value = document.toJS() as (typeof objects)[number]
      const Model = MODELS[value.kind]
      if (Model === undefined) {
        t.fail(`${file}: ${value.kind} is not an expected kind`)
        continue
      }
      t.doesNotThrow(
        () => new Model(value as never).validate(),
        `${file}: ${value.kind} ${value.metadata.name} is valid`
      )
      objects.push(value)
    }
  }
  const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()
  t.same(kinds, [
    'ConfigMap/latchkey-config',
    'Deployment/latchkey-api',
    'Deployment/latchkey-worker',
    'HorizontalPodAutoscaler/latchkey-api',
    'Job/latchkey-migrate',
    'PodDisruptionBudget/latchkey-api',
    'PodDisruptionBudget/latchkey-worker',
    'Service/latchkey-api'
  ])
  type Container = {
    command: string[]
    readinessProbe?: { httpGet: { path: string } }
    livenessProbe?: { httpGet: { path: string } }
    env?: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[]
  }
  const containerOf = (kind: string, name: string): Container => {
    const spec = objects.find((o) => o.kind === kind && o.metadata.name === name)?.spec as {
      template: { spec: { containers: Container[] } }
    }
    return spec.template.spec.containers[0] as Container
  }
  const api = containerOf('Deployment', 'latchkey-api')
  const worker = containerOf('Deployment', 'latchkey-worker')
  t.same(api.command, API)
  t.same(worker.command, WORKER)
  t.same(containerOf('Job', 'latchkey-migrate').command, MIGRATE)
  for (const container of [api, worker]) {
    t.equal(container.readinessProbe?.httpGet.path, '/readyz')
    t.equal(container.livenessProbe?.httpGet.path, '/healthz')
  }
  const secretRefs = api.env?.filter((e) => e.valueFrom?.secretKeyRef !== undefined).map((e) => e.name)
  t.same(
    secretRefs,
    ['DATABASE_URL', 'REDIS_URL', 'LATCHKEY_ENCRYPTION_KEYS', 'LATCHKEY_ADMIN_TOKEN'],
    'secrets by reference'
  )
})

/** Starts a command of the deployment files from the repository root, as the image does from /app. */
function launch(t: Test, command: string[], env: Record<string, string>): ChildProcess {
  const [program, ...args] = command
  const child = spawn(program === 'node' ? process.execPath : (program ?? ''), args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  )
  return child
}

async function until(url: string): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    const answer = await fetch(url).catch(() => undefined)
    if (answer?.ok === true) return answer
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} never answered`)
}

t.test("the deployment files' commands start the real processes: migrate, then the API and the worker", async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const [apiPort, statusPort] = [await freePort(), await freePort()]
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: serviceUrls().redisUrl,
    LATCHKEY_ENCRYPTION_KEYS: testEncryptionKeys('deploy'),
    LATCHKEY_ADMIN_TOKEN: 'deploy-admin-token-0123456789',
    LATCHKEY_QUEUE_PREFIX: testRedisPrefix(),
    LOG_LEVEL: 'warn'
  }
  const migrate = launch(t, MIGRATE, env)
  let output = ''
  migrate.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => migrate.once('exit', resolve))
  t.equal(code, 0, 'the migration job succeeds')
  t.match(output, /applied: 2026-11-22-initial-schema/)

  launch(t, API, { ...env, PORT: String(apiPort), HOST: '127.0.0.1' })
  launch(t, WORKER, { ...env, WORKER_HTTP_PORT: String(statusPort), WORKER_HTTP_HOST: '127.0.0.1' })
  t.same(await (await until(`http://127.0.0.1:${apiPort}/readyz`)).json(), { ok: true, postgres: 'ok', redis: 'ok' })
  t.same(await (await until(`http://127.0.0.1:${statusPort}/readyz`)).json(), {
    ok: true,
    postgres: 'ok',
    redis: 'ok',
    queues: 'ok'
  })
  t.match(
    await (await until(`http://127.0.0.1:${statusPort}/metrics`)).text(),
    /latchkey_process_cpu_user_seconds_total/
  )
  t.match(await (await until(`http://127.0.0.1:${apiPort}/metrics`)).text(), /latchkey_http_request_duration_seconds/)
})
