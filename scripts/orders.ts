// Orders per producer, from the orders database the webhook writes.
// Usage: npm run orders -- [--db data/orders.sqlite] [--producer <id>] [--csv orders.csv]
// Without --csv it prints each producer's orders and subtotal; with --csv it writes them as CSV.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ordersToCsv } from '../src/lib/commerce/orders-csv.ts';
import { splitByProducer } from '../src/lib/commerce/orders.ts';
import { formatVnd } from '../src/lib/money.ts';
import { DEFAULT_ORDERS_DB_PATH, OrdersDb } from '../src/server/orders-db.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.ORDERS_DB_PATH ?? DEFAULT_ORDERS_DB_PATH },
    producer: { type: 'string' },
    csv: { type: 'string' },
  },
});
if (!existsSync(values.db)) {
  console.error(`No orders database at ${values.db} (set --db or ORDERS_DB_PATH).`);
  process.exit(1);
}
const db = new OrdersDb(values.db);
const lines = db.lines(values.producer);
db.close();

if (values.csv) {
  writeFileSync(values.csv, ordersToCsv(lines));
  console.log(`${lines.length} order lines written to ${values.csv}`);
} else {
  for (const share of splitByProducer(lines)) {
    const orders = new Set(share.lines.map((line) => line.sessionId)).size;
    console.log(`\n${share.producerId}: ${orders} order(s), ${formatVnd(share.subtotal, 'vi')}`);
    for (const line of share.lines) {
      console.log(`  ${line.createdAt.slice(0, 16)}  ${line.sessionId.slice(-12)}  ${line.status.padEnd(16)} ${line.quantity} × ${line.productName} (${formatVnd(line.unitAmount, 'vi')})`);
    }
  }
  if (!lines.length) console.log('No orders yet.');
}
