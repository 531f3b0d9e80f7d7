export { monday } from './monday.js'
export { monday as default } from './monday.js'
