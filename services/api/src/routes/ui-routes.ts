import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'

/** The pages' HTML and CSS, and the scripts compiled from `web/src` (same paths from `src/` and `dist/`). */
const STATIC_ROOT = fileURLToPath(new URL('../../web/static', import.meta.url))
const SCRIPT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url))

/** Only our own files: no inline script, no third-party resource, not framable. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

function sendPage(reply: FastifyReply, file: string): FastifyReply {
  return reply
    .header('content-security-policy', PAGE_POLICY)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .sendFile(file, STATIC_ROOT)
}

/**
 * The connect wizard (`/connect/`, opened from a connect-session URL) and the builder
 * console (`/console/`). Both are static pages that talk to the API from the browser.
 */
export const uiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: [STATIC_ROOT, SCRIPT_ROOT],
    prefix: '/ui/',
    index: false,
    wildcard: false,
    cacheControl: true,
    maxAge: 60_000
  })
  app.addHook('onSend', async (_request, reply) => void reply.header('x-content-type-options', 'nosniff'))
  app.get(
    '/connect/',
    { schema: { summary: 'The connect wizard (HTML), opened from a connect session URL' } },
    async (_request, reply) => sendPage(reply, 'wizard.html')
  )
  app.get('/console/', { schema: { summary: 'The builder console (HTML)' } }, async (_request, reply) =>
    sendPage(reply, 'console.html')
  )
  app.get('/connect', { schema: { summary: 'Redirects to /connect/' } }, async (_request, reply) =>
    reply.redirect('/connect/', 301)
  )
  app.get('/console', { schema: { summary: 'Redirects to /console/' } }, async (_request, reply) =>
    reply.redirect('/console/', 301)
  )
  app.get('/', { schema: { summary: 'Redirects to the console' } }, async (_request, reply) =>
    reply.redirect('/console/', 302)
  )
}
