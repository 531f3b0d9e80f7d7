export { openai } from './openai.js'
export { openai as default } from './openai.js'
