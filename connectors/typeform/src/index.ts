export { typeform } from './typeform.js'
export { typeform as default } from './typeform.js'
