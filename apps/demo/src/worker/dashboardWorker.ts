import { mark } from '../timeline/timeline';

let worker: Worker | null = null;

/**
 * The page's one dashboard worker, started on first call. `main.tsx` calls it
 * before React renders, so the worker loads and starts on the sample while
 * the page draws its skeleton.
 */
export function dashboardWorker(): Worker {
  if (!worker) {
    mark('page:worker-created');
    worker = new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module' });
  }
  return worker;
}
