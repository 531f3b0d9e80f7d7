export { mailgun } from './mailgun.js'
export { mailgun as default } from './mailgun.js'
