/**
 * Where V8 compiles optimized code for worker threads that fill every core.
 *
 * V8 compiles hot functions on background threads by default, and the function keeps running its slow
 * unoptimized code until its compile job is done. When the worker threads already keep every core busy, those
 * background threads have no core of their own, so jobs wait in the queue. Extraction has many large hot functions,
 * and a function that meets a new path for the first time is compiled again: the waits added up to about 15% of
 * the CPU per ad over the 40,000 ads after a 2,000-ad warm-up (`npm run bench`: 97 → 92 µs). Compiling on the
 * thread that asked for the code costs the same CPU and none of the waiting. With a core to spare (fewer workers
 * than cores, or one thread), compiling in the background stays better: `benchExtract` in one thread ran 19,000 ads/s
 * with it and 17,000 without.
 *
 * The setting is V8's and holds for the whole process. An isolate picks it up when it is created, so it reaches the
 * worker threads started after the call and leaves the main thread as it was. It is never turned back.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";

let synchronous = false;

/**
 * Make the worker threads started from now on compile optimized code on their own thread, when `workers` of them
 * fill the `cores`. True when that is (now or already) the case.
 */
export function compileOnWorkerThreads(workers: number, cores = availableParallelism()): boolean {
  if (synchronous) return true;
  if (workers < cores) return false;
  setFlagsFromString("--no-concurrent-recompilation");
  synchronous = true;
  return true;
}
