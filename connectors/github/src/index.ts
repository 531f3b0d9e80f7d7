export { github } from './github.js'
export { github as default } from './github.js'
