export { calendly } from './calendly.js'
export { calendly as default } from './calendly.js'
