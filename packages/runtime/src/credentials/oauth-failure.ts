import type { OAuthError } from '@latchkey/oauth-client'
import { RuntimeError } from '../errors.js'

/** Maps a provider failure to the API's vocabulary: refused (422), unreachable (502), slow (504). */
export function runtimeErrorFromOAuth(error: OAuthError): RuntimeError {
  const details = {
    oauthError: error.code,
    hint: error.hint,
    retryable: error.retryable,
    ...(error.description === undefined ? {} : { description: error.description })
  }
  if (error.code === 'timeout')
    return new RuntimeError('provider_timeout', error.hint, details, { retryable: error.retryable })
  if (
    error.code === 'token_endpoint_unreachable' ||
    error.code === 'server_error' ||
    error.code === 'temporarily_unavailable' ||
    error.code === 'response_too_large'
  ) {
    return new RuntimeError('provider_unreachable', error.hint, details, { retryable: error.retryable })
  }
  return new RuntimeError('provider_refused', error.hint, details, { retryable: error.retryable })
}
