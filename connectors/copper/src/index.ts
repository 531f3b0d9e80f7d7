export { copper } from './copper.js'
export { copper as default } from './copper.js'
