export { sentry } from './sentry.js'
export { sentry as default } from './sentry.js'
