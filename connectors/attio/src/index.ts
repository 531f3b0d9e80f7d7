export { attio } from './attio.js'
export { attio as default } from './attio.js'
