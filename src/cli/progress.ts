/** A progress bar on a terminal, and nothing at all when the output is piped or redirected. */

export interface ProgressSink {
  update(done: number, total: number, label: string): void;
  done(): void;
}

export const NO_PROGRESS: ProgressSink = { update() {}, done() {} };

export function terminalProgress(stream: NodeJS.WriteStream): ProgressSink {
  let shown = false;
  let last = 0;
  return {
    update(done, total, label) {
      const now = Date.now();
      // Redraw at most ~20 times a second; always draw the final state.
      if (done < total && now - last < 50) return;
      last = now;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      stream.write(`\r${bar} ${label}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
