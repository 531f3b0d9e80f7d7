export { twilio } from './twilio.js'
export { twilio as default } from './twilio.js'
