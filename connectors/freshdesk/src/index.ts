export { freshdesk } from './freshdesk.js'
export { freshdesk as default } from './freshdesk.js'
