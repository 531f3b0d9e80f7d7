export { hubspot } from './hubspot.js'
export { hubspot as default } from './hubspot.js'
