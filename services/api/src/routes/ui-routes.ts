import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { Runtime } from '@latchkey/runtime'

/** The pages' HTML and CSS, and the scripts compiled from `web/src` (same paths from `src/` and `dist/`). */
const STATIC_ROOT = fileURLToPath(new URL('../../web/static', import.meta.url))
const SCRIPT_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url))

/**
 * Only our own files: no inline script, no third-party resource; framable only by the
 * origins given (a tenant's embedding origins), by none otherwise.
 */
export function pagePolicy(frameAncestors: readonly string[] = []): string {
  const ancestors = frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ')
  return `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors ${ancestors}; base-uri 'none'`
}

function sendPage(reply: FastifyReply, file: string, frameAncestors: readonly string[] = []): FastifyReply {
  return reply
    .header('content-security-policy', pagePolicy(frameAncestors))
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .sendFile(file, STATIC_ROOT)
}

/**
 * The connect wizard (`/connect/`, opened from a connect-session URL) and the builder
 * console (`/console/`). Both are static pages that talk to the API from the browser.
 */
export const uiRoutes: FastifyPluginAsync<{ runtime: Runtime }> = async (app, { runtime }) => {
  await app.register(fastifyStatic, {
    root: [STATIC_ROOT, SCRIPT_ROOT],
    prefix: '/ui/',
    index: false,
    wildcard: false,
    cacheControl: true,
    maxAge: 60_000
  })
  app.addHook('onSend', async (_request, reply) => void reply.header('x-content-type-options', 'nosniff'))
  app.get<{ Querystring: { s?: string } }>(
    '/connect/',
    {
      schema: {
        summary: 'The connect wizard (HTML), opened from a connect session URL',
        querystring: {
          type: 'object',
          properties: {
            s: {
              type: 'string',
              maxLength: 64,
              description: "The connect session's id: its tenant's embedding origins may frame the page"
            }
          }
        }
      }
    },
    async (request, reply) => {
      // The page is the same for everyone; only who may frame it depends on the session it was opened for.
      const ancestors = request.query.s === undefined ? [] : await runtime.sessions.frameAncestors(request.query.s)
      return sendPage(reply, 'wizard.html', ancestors)
    }
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
