export { x } from './x.js'
export { x as default } from './x.js'
