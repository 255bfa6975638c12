// Autosave of the editor's work in progress as the caller's draft (ADR 0032, issue 10). The server records nothing
// for identical content, but every request still costs a command: this saves only what changed since the last save
// (or since the editor loaded the task: the baseline), one save at a time, in order.

export interface AutosaveOptions<T> {
  /** The work as it would be stored now (null: nothing to save, e.g. the editor is not loaded). */
  collect: () => Promise<T | null>;
  /** Stores it; keepalive: the page is going away (the request must outlive it). Throws when refused. */
  save: (work: T, keepalive: boolean) => Promise<void>;
  onSaved?: (at: Date) => void;
  onError?: (message: string) => void;
  now?: () => Date;
}

export class DraftAutosave<T> {
  /** JSON of what the server holds (or the editor loaded); null: take the next collected work as the baseline. */
  private saved: string | null = null;
  /** The last work collected, saved or not: what a page leaving in a hurry still sends. */
  private latest: { json: string; work: T } | null = null;
  private chain: Promise<void> = Promise.resolve();
  private paused = false;
  private stopped = false;

  constructor(private readonly options: AutosaveOptions<T>) {}

  /** The editor (re)loaded the task: what it shows now is the baseline, not a change. */
  rebase(): Promise<void> {
    this.saved = null;
    this.latest = null;
    return this.tick();
  }

  /** Collects the work and saves it when it changed. */
  tick(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.paused || this.stopped) return;
      let work: T | null;
      try {
        work = await this.options.collect();
      } catch {
        return; // the editor did not answer (reloading): the next tick tries again
      }
      if (work === null || this.paused || this.stopped) return;
      const json = JSON.stringify(work);
      this.latest = { json, work };
      if (this.saved === null) {
        this.saved = json;
        return;
      }
      if (json === this.saved) return;
      await this.store(work, json, false);
    });
    return this.chain;
  }

  /** The page is being hidden or left: send the last collected work if it was not saved (a keepalive request). */
  flush(): void {
    if (this.stopped || this.paused || !this.latest || this.latest.json === this.saved) return;
    const { work, json } = this.latest;
    void this.store(work, json, true);
  }

  /** Stops saving (e.g. while a submit is under way) once the save under way, if any, is done. */
  pause(): Promise<void> {
    this.paused = true;
    return this.chain;
  }

  resume(): void {
    this.paused = false;
  }

  /**
   * The work was stored as the annotation (an update) and the task stays open: saving resumes, and what the editor
   * shows next is the baseline, not a change.
   */
  restart(): void {
    this.saved = null;
    this.latest = null;
    this.paused = false;
  }

  /** Saves this work now (a refused submit keeps the user's work as a draft). */
  saveNow(work: T): Promise<void> {
    this.chain = this.chain.then(() => this.store(work, JSON.stringify(work), false));
    return this.chain;
  }

  /** The work became an annotation (or the draft was discarded): nothing is saved any more. */
  stop(): void {
    this.stopped = true;
    this.latest = null;
  }

  private async store(work: T, json: string, keepalive: boolean): Promise<void> {
    try {
      await this.options.save(work, keepalive);
      this.saved = json;
      this.options.onSaved?.((this.options.now ?? (() => new Date()))());
    } catch (e) {
      this.options.onError?.(e instanceof Error ? e.message : String(e));
    }
  }
}
