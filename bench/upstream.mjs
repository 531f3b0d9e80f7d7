// The API behind the proxies: answers a small JSON document to any request on loopback.
import { createServer } from 'node:http'

const body = JSON.stringify({
  id: 42,
  name: 'folder',
  items: Array.from({ length: 10 }, (_, i) => ({ id: i, type: 'file' }))
})
createServer((req, res) => {
  req.resume()
  req.on('end', () =>
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body)
  )
}).listen(Number(process.env.PORT), '127.0.0.1')
