// Runs: node (core). Merges concurrent requests into one model run and splits the answers back.
// Policy: an idle runner flushes on the next macrotask, so a lone query waits for nothing and
// calls made in the same tick (Promise.all) share a run; while a run is in flight, new requests
// queue and go together in the next run (up to maxBatch). `windowMs` > 0 instead holds the first
// request that long, for hosts whose queries arrive a few ms apart (e.g. over IPC).
export interface MicroBatcherOptions {
  maxBatch?: number;
  windowMs?: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export class MicroBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private running = false;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly windowMs: number;
  /** Number of runs made and their sizes, for tests and the bench. */
  readonly stats = { runs: 0, items: 0 };

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    opts: MicroBatcherOptions = {},
  ) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? 32);
    this.windowMs = Math.max(0, opts.windowMs ?? 0);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      void this.drain();
    };
    if (this.queue.length >= this.maxBatch) queueMicrotask(go);
    else if (this.windowMs > 0) setTimeout(go, this.windowMs);
    else setImmediate(go);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        this.stats.runs++;
        this.stats.items += batch.length;
        try {
          const out = await this.run(batch.map((p) => p.item));
          if (out.length !== batch.length) throw new Error(`batch run returned ${out.length} results for ${batch.length} inputs`);
          batch.forEach((p, i) => p.resolve(out[i] as O));
        } catch (e) {
          batch.forEach((p) => p.reject(e));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
