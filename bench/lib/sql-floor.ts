/**
 * The SQL floor of a request: record the statements the app sends to PostgreSQL while serving it,
 * then replay exactly those statements from plain pg connections in a loop — no HTTP, no
 * validation, no ORM, no application code. Each replay ends in ROLLBACK instead of COMMIT, so it
 * can be repeated with the same ids and it skips the commit's WAL flush: an upper bound on what
 * any implementation issuing these statements could reach on this server.
 */
import pg from 'pg';

interface Recorded {
  client: object;
  text: string;
  values: unknown[] | undefined;
}

export interface Capture {
  /** Statements of the request's transaction, in order, COMMIT turned into ROLLBACK. */
  transaction: { text: string; values: unknown[] | undefined }[];
  /** Statements sent on other connections (e.g. the notice-number sidecar), run as they were: autocommit. */
  outside: { text: string; values: unknown[] | undefined }[];
}

/** Records every statement any pg.Client in this process sends while `fn` runs. */
export async function recordStatements(fn: () => Promise<void>): Promise<Capture> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const recorded: Recorded[] = [];
  proto.query = function (this: object, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') recorded.push({ client: this, text: first, values: Array.isArray(second) ? second : undefined });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      recorded.push({ client: this, text: config.text, values: config.values ?? (Array.isArray(second) ? second : undefined) });
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  const opener = recorded.find((r) => /^\s*begin\b/i.test(r.text));
  if (!opener) throw new Error('no transaction recorded');
  // The audit chain ends its message with "commit; begin" (platform/write.ts): both forms become rollbacks.
  const rollback = (text: string) => text.replace(/\bcommit\s*;\s*begin\s*;?\s*$/i, 'rollback; begin').replace(/^\s*commit\s*;?\s*$/i, 'rollback');
  return {
    transaction: recorded.filter((r) => r.client === opener.client).map((r) => ({ text: rollback(r.text), values: r.values })),
    outside: recorded.filter((r) => r.client !== opener.client).map((r) => ({ text: r.text, values: r.values })),
  };
}

/**
 * Replays captures for `seconds`, one connection per capture (each its own site, as concurrent
 * inspectors are), plus one autocommit connection per capture for its outside statements.
 */
export async function replayLoad(url: string, captures: readonly Capture[], seconds: number): Promise<{ tx: number; seconds: number }> {
  const clients = await Promise.all(
    captures.map(async () => {
      const main = new pg.Client({ connectionString: url });
      const side = new pg.Client({ connectionString: url });
      await Promise.all([main.connect(), side.connect()]);
      return { main, side };
    }),
  );
  let tx = 0;
  const start = performance.now();
  const stop = start + seconds * 1000;
  try {
    await Promise.all(
      captures.map(async (capture, i) => {
        const { main, side } = clients[i]!;
        while (performance.now() < stop) {
          for (const s of capture.outside) await side.query(s.text, s.values);
          for (const s of capture.transaction) await main.query(s.text, s.values);
          tx += 1;
        }
      }),
    );
  } finally {
    await Promise.all(clients.flatMap(({ main, side }) => [main.end(), side.end()]));
  }
  return { tx, seconds: (performance.now() - start) / 1000 };
}

/**
 * Deletes what the recorded requests committed (everything written since `since` in a scratch
 * database nothing else writes to), so that their replays can insert the same ids again. Bench
 * data only: run as a replica session, it bypasses the triggers — including the one that refuses
 * to delete counted records.
 */
export async function removeWrittenSince(url: string, since: Date): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const recent = 'select id from inspections where created_at >= $1';
    await client.query(`delete from hazard_events where hazard_id in (select id from hazards where inspection_id in (${recent}))`, [since]);
    await client.query(`delete from hazards where inspection_id in (${recent})`, [since]);
    await client.query(`delete from inspection_answers where inspection_id in (${recent})`, [since]);
    await client.query(`delete from notices where inspection_id in (${recent})`, [since]);
    await client.query('delete from inspections where created_at >= $1', [since]);
    await client.query('delete from sms_outbox where created_at >= $1', [since]);
    await client.query('delete from colour_history where at >= $1', [since]);
    await client.query('delete from audit_events where at >= $1', [since]);
    await client.query('commit');
  } finally {
    await client.end();
  }
}
