interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added in the same turn of the event loop are stored by one call of `store`
 * (one transaction), and each add settles only once that call has returned. Under load this turns
 * thousands of commits a second into a few hundred. `store` returns one result per item, in order,
 * or throws, which fails every item of the batch.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private scheduled = false;

  constructor(
    private readonly store: (items: T[]) => R[],
    /** Called with a stored batch's results, after its adds have settled. */
    private readonly onCommitted: (results: R[]) => void = () => {},
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Stores whatever is queued now; used on shutdown as well as by the scheduler. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let results: R[];
    try {
      results = this.store(batch.map((pending) => pending.item));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      pending.resolve(results[i] as R);
    });
    this.onCommitted(results);
  }
}
