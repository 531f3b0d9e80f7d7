export { sendgrid } from './sendgrid.js'
export { sendgrid as default } from './sendgrid.js'
