export { slack } from './slack.js'
export { slack as default } from './slack.js'
