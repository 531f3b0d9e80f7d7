export { box } from './box.js'
export { box as default } from './box.js'
