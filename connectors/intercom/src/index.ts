export { intercom } from './intercom.js'
export { intercom as default } from './intercom.js'
