// Liveness and readiness for a load balancer: 200 when the database answers, 503 when it does not.
import { getConnection, getStore } from '@/app/_server/store';
import { errorResponse, handle, json } from '@/app/_server/http';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  try {
    const [conn, store] = [await getConnection(), await getStore()];
    await store.ping();
    return json({ status: 'ok', database: conn.dialect });
  } catch (e) {
    console.error('health: database unavailable:', e instanceof Error ? e.message : String(e));
    return errorResponse(503, 'databaseDown');
  }
});
