export { webex } from './webex.js'
export { webex as default } from './webex.js'
