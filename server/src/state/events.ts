/** A named event of the server state: listeners run in the order they were added, synchronously. */
export class Emitter<T = void> {
  private readonly listeners: ((value: T) => void)[] = [];

  /** Runs `listener` each time the event fires. */
  on(listener: (value: T) => void): void {
    this.listeners.push(listener);
  }

  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
}
