export { dropbox } from './dropbox.js'
export { dropbox as default } from './dropbox.js'
