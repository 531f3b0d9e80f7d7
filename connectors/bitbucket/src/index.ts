export { bitbucket } from './bitbucket.js'
export { bitbucket as default } from './bitbucket.js'
