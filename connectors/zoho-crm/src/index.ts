export { zohoCrm } from './zoho-crm.js'
export { zohoCrm as default } from './zoho-crm.js'
