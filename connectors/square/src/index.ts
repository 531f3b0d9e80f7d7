export { square } from './square.js'
export { square as default } from './square.js'
