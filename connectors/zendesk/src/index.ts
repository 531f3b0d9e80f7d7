export { zendesk } from './zendesk.js'
export { zendesk as default } from './zendesk.js'
