import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Runtime } from '@latchkey/runtime'
import { ErrorSchema } from '../schemas.js'

/**
 * An SVG served on its own is a document: nothing in it may run or load, even opened
 * directly rather than through an `<img>` (which never runs scripts).
 */
const ICON_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/**
 * `GET /icons/<key>.svg`: a catalog connector's icon for the wizard and the console (its own
 * SVG or a monogram). Public like the pages that show it; custom connectors' icons travel as
 * `data:` URLs in their summaries instead, since they belong to one tenant.
 */
export const iconRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.get(
    '/icons/:file',
    {
      schema: {
        summary: "A catalog connector's icon (SVG)",
        params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*\\.svg$', maxLength: 72 }) }),
        response: {
          200: Type.String({ description: 'The SVG document', contentMediaType: 'image/svg+xml' }),
          404: ErrorSchema
        }
      }
    },
    async (request, reply) => {
      const key = request.params.file.slice(0, -'.svg'.length)
      const svg = runtime.connectors.catalogIcon(key)
      if (svg === undefined)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: `No catalog connector is called "${key}".` } })
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-security-policy', ICON_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=3600')
        .send(svg)
    }
  )
}
