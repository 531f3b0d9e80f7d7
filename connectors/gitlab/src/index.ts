export { gitlab } from './gitlab.js'
export { gitlab as default } from './gitlab.js'
