import { randomBytes } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import type { CallbackOutcome } from '@latchkey/runtime'

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
  )
}

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}.ok{color:#146c2e}.fail{color:#a4161a}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}p.hint{background:#fff7e6;border-left:4px solid #e9a23b;padding:.5rem .75rem}`

/**
 * Sends a self-contained page: no third-party resource, no referrer, not cacheable, not
 * framable; its one script (notifying the opener window) runs under a nonce.
 */
function sendPage(
  reply: FastifyReply,
  status: number,
  title: string,
  body: string,
  message: unknown,
  openerOrigin: string
): FastifyReply {
  const nonce = randomBytes(16).toString('base64')
  const data = escapeHtml(JSON.stringify(message))
  // In a popup: tell the wizard, then close (a window a script opened may close itself); where
  // it cannot, the page keeps saying it can be closed.
  const script = `const m=JSON.parse(document.getElementById('latchkey-result').dataset.message);if(window.opener){try{window.opener.postMessage(m,${JSON.stringify(openerOrigin)});setTimeout(function(){window.close()},300)}catch(e){}}`
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main id="latchkey-result" data-message="${data}">${body}</main>
<script nonce="${nonce}">${script}</script></body></html>`
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`
    )
    .send(html)
}

/** What the wizard learns of an outcome (by `postMessage`, or in the URL fragment after a full-page redirect). No secret in it. */
export function outcomeMessage(outcome: CallbackOutcome): Record<string, unknown> {
  if (outcome.ok) return { type: 'latchkey:connect', ok: true, connectionId: outcome.connectionId }
  return {
    type: 'latchkey:connect',
    ok: false,
    code: outcome.code,
    title: outcome.title,
    hint: outcome.hint,
    ...(outcome.connectionId === undefined ? {} : { connectionId: outcome.connectionId })
  }
}

/**
 * Ends a callback: back to the wizard when the attempt began there by a full-page redirect
 * (its path is checked when the attempt is made; the fragment never reaches a server), else
 * the outcome page, which notifies the opener window when it is a popup.
 */
export function sendOutcome(reply: FastifyReply, outcome: CallbackOutcome, publicUrl: string): FastifyReply {
  if (outcome.returnTo === undefined) return sendOutcomePage(reply, outcome, new URL(publicUrl).origin)
  const fragment = Buffer.from(JSON.stringify(outcomeMessage(outcome))).toString('base64url')
  return reply
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .redirect(`${publicUrl.replace(/\/+$/, '')}${outcome.returnTo}#outcome=${fragment}`, 303)
}

/** The page a callback (or a start link) ends on. */
export function sendOutcomePage(reply: FastifyReply, outcome: CallbackOutcome, openerOrigin: string): FastifyReply {
  if (outcome.ok) {
    return sendPage(
      reply,
      200,
      'Authorization completed successfully',
      `<h1 class="ok">Authorization completed successfully</h1><p>${escapeHtml(outcome.connectorName)} is connected. You can close this window and return to the application.</p>`,
      outcomeMessage(outcome),
      openerOrigin
    )
  }
  const description =
    outcome.description === undefined ? '' : `<p>The provider said: <q>${escapeHtml(outcome.description)}</q></p>`
  return sendPage(
    reply,
    400,
    outcome.title,
    `<h1 class="fail">${escapeHtml(outcome.title)}</h1><p class="hint">${escapeHtml(outcome.hint)}</p>${description}<p>Error code: <code>${escapeHtml(outcome.code)}</code></p>`,
    outcomeMessage(outcome),
    openerOrigin
  )
}
