export { trello } from './trello.js'
export { trello as default } from './trello.js'
