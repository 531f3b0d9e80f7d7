export { okta } from './okta.js'
export { okta as default } from './okta.js'
