export { zoom } from './zoom.js'
export { zoom as default } from './zoom.js'
