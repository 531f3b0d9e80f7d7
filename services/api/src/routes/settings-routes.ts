import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { LOGO_MAX_BYTES } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { ErrorSchema, SettingsBody, SettingsSchema } from '../schemas.js'
import { tenantAuth } from './tenant-auth.js'

/** The image types a logo upload may declare; its bytes decide what it really is. */
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml']

/**
 * An uploaded logo is served as a document of its own: nothing in it may run or load,
 * even opened directly rather than through an `<img>`.
 */
const LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/** `GET/PUT /v1/settings` and the logo: the tenant's branding and where its wizard may be embedded. */
export const settingsRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', tenantAuth(runtime))
  app.addContentTypeParser(LOGO_TYPES, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_request, body, done) =>
    done(null, body)
  )
  const errors = { 400: ErrorSchema, 401: ErrorSchema }
  app.get('/v1/settings', { schema: { response: { 200: SettingsSchema, ...errors } } }, async (request) =>
    runtime.settings.get(request.tenant.id)
  )
  app.put(
    '/v1/settings',
    { schema: { body: SettingsBody, response: { 200: SettingsSchema, ...errors } } },
    async (request) => runtime.settings.update(request.tenant.id, request.body)
  )
  app.put(
    '/v1/settings/logo',
    {
      schema: {
        summary: 'Uploads the logo the wizard shows (PNG, JPEG, WebP or a self-contained SVG; at most 256 KiB)',
        body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
        response: { 200: SettingsSchema, ...errors, 413: ErrorSchema, 415: ErrorSchema }
      },
      // The bytes are checked by the runtime; the schema above only documents them.
      validatorCompiler: () => () => true
    },
    async (request, reply) => {
      // Any other type (text, JSON) reaches here parsed by its own parser: not an image upload.
      if (!Buffer.isBuffer(request.body))
        return reply.status(415).send({
          error: {
            code: 'unsupported_media_type',
            message: `Send the logo's bytes with Content-Type ${LOGO_TYPES.join(', ')}.`
          }
        })
      return runtime.settings.setLogo(request.tenant.id, request.body)
    }
  )
  app.delete('/v1/settings/logo', { schema: { response: { 200: SettingsSchema, ...errors } } }, async (request) =>
    runtime.settings.removeLogo(request.tenant.id)
  )
}

/** `GET /branding/<tenant>/logo`: public, like the wizard page that shows it; its URL carries its version. */
export const brandingRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.get(
    '/branding/:tenantId/logo',
    {
      schema: {
        summary: "A tenant's logo, as the wizard shows it",
        params: Type.Object({ tenantId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), 404: ErrorSchema }
      }
    },
    async (request, reply) => {
      const logo = await runtime.settings.logo(request.params.tenantId)
      return reply
        .header('content-type', logo.type)
        .header('content-security-policy', LOGO_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=3600')
        .header('etag', `"${logo.hash.slice(0, 32)}"`)
        .send(logo.bytes)
    }
  )
}
