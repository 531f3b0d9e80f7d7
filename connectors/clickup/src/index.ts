export { clickup } from './clickup.js'
export { clickup as default } from './clickup.js'
