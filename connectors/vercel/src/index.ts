export { vercel } from './vercel.js'
export { vercel as default } from './vercel.js'
