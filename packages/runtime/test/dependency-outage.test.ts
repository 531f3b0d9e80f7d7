import t from 'tap'
import { outageOf } from '../src/index.js'

t.test('which dependency an error says is down', async (t) => {
  t.equal(outageOf(new Error('Connection is closed.')), 'redis')
  t.equal(
    outageOf(new Error('wrapped', { cause: new Error('OOM command not allowed when used memory > maxmemory') })),
    'redis'
  )
  t.equal(outageOf(Object.assign(new Error('the database system is shutting down'), { code: '57P03' })), 'postgres')
  t.equal(
    outageOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    'postgres'
  )
  t.equal(outageOf(new Error('duplicate key value violates unique constraint')), undefined)
  t.equal(outageOf('not an error'), undefined)
})
