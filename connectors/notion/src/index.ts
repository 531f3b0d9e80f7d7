export { notion } from './notion.js'
export { notion as default } from './notion.js'
