export { bamboohr } from './bamboohr.js'
export { bamboohr as default } from './bamboohr.js'
