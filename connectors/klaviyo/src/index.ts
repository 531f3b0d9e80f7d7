export { klaviyo } from './klaviyo.js'
export { klaviyo as default } from './klaviyo.js'
