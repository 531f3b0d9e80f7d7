export { asana } from './asana.js'
export { asana as default } from './asana.js'
