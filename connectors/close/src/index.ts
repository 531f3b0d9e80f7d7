export { close } from './close.js'
export { close as default } from './close.js'
