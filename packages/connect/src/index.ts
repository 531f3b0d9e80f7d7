export { connect } from './connect.js'
export type { ConnectHandle, ConnectMode, ConnectOptions } from './connect.js'
export type { ConnectEvent } from './connect-event.js'
