export { atlassian } from './atlassian.js'
export { atlassian as default } from './atlassian.js'
