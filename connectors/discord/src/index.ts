export { discord } from './discord.js'
export { discord as default } from './discord.js'
