export { front } from './front.js'
export { front as default } from './front.js'
