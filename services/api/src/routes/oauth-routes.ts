import cookie from '@fastify/cookie'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import Type from 'typebox'
import { RuntimeError } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { sendOutcome, sendOutcomePage } from '../pages.js'

/** The browser side of the connect flow: the start link and the callback. No API key. */
export const oauthRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  const publicUrl = new URL(runtime.config.publicUrl)
  const secure = publicUrl.protocol === 'https:'
  // Only these routes use cookies (the browser's binding to its attempt): its hooks run here alone.
  await app.register(cookie)

  app.get(
    '/oauth/start/:token',
    {
      schema: {
        summary:
          'The connect link: binds this browser to the attempt and redirects to the provider (or an HTML page saying why not)',
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 128 }) })
      }
    },
    async (request, reply) => {
      const result = await runtime.connect.start(request.params.token)
      if ('redirectTo' in result) {
        void reply.setCookie(result.cookie.name, result.cookie.value, {
          httpOnly: true,
          secure,
          sameSite: 'lax',
          path: result.cookie.path,
          maxAge: result.cookie.maxAgeSeconds
        })
        return reply
          .header('referrer-policy', 'no-referrer')
          .header('cache-control', 'no-store')
          .redirect(result.redirectTo, 302)
      }
      return sendOutcomePage(reply, result, publicUrl.origin)
    }
  )

  const callback = async (
    request: { query: unknown; cookies: Record<string, string | undefined> },
    reply: Parameters<typeof sendOutcomePage>[0]
  ) => {
    // Repeated parameters stay arrays: the OAuth client refuses a repeated iss, code or state (a mix-up attempt).
    const query = Object.fromEntries(
      Object.entries((request.query ?? {}) as Record<string, unknown>).filter(
        (e): e is [string, string | string[]] =>
          typeof e[1] === 'string' || (Array.isArray(e[1]) && e[1].every((v) => typeof v === 'string'))
      )
    )
    return sendOutcome(reply, await runtime.connect.callback(query, request.cookies), runtime.config.publicUrl)
  }
  const summary =
    'The redirect URI: the provider sends the browser back here; answers an HTML page with the outcome (and postMessage to the opener)'
  app.get('/oauth/callback/', { schema: { summary } }, callback)
  app.get('/oauth/callback', { schema: { summary: `${summary} (without the slash)` } }, callback)

  // Providers that send the browser back with a POST (OAuth 2.0 Form Post Response Mode,
  // Copper): the same parameters in a form body. Answered with a 303 to the GET callback, so
  // the browser comes back as a top-level GET navigation and brings its SameSite=Lax binding
  // cookie, which a cross-site POST would not carry.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => done(null, new URLSearchParams(body as string))
  )
  const formPost = async (request: { body: unknown }, reply: FastifyReply) => {
    if (!(request.body instanceof URLSearchParams))
      throw new RuntimeError('invalid_request', 'the callback must be a form (application/x-www-form-urlencoded)', [
        { path: 'body', message: 'must be form-encoded callback parameters' }
      ])
    const params = request.body
    const back = new URL(`${runtime.config.publicUrl}/oauth/callback/`)
    for (const [name, value] of params) back.searchParams.append(name, value)
    return reply
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .redirect(back.toString(), 303)
  }
  const postSummary =
    'The redirect URI for providers that POST the callback parameters as a form (form_post): a 303 to the GET callback with them'
  app.post('/oauth/callback/', { schema: { summary: postSummary } }, formPost)
  app.post('/oauth/callback', { schema: { summary: `${postSummary} (without the slash)` } }, formPost)
}
