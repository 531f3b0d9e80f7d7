// Baseline (b): a fastify proxy with no auth at all, @fastify/reply-from.
import fastify from 'fastify'
import replyFrom from '@fastify/reply-from'

const app = fastify()
await app.register(replyFrom, { base: process.env.UPSTREAM })
app.all('/*', (request, reply) => reply.from(request.url))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
// Exit cleanly on SIGTERM, so a CPU profile (BENCH_CPU_PROF) gets written.
process.once('SIGTERM', () => app.close().then(() => process.exit(0)))
