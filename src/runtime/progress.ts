/** A one-line progress bar on a TTY (stderr); a no-op when disabled. */
export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

const WIDTH = 24;

export function createProgress(stream: NodeJS.WritableStream, enabled: boolean, label = 'inspecting'): Progress {
  if (!enabled) return { update() {}, clear() {} };
  let drawn = false;
  return {
    update(done, total) {
      const filled = total > 0 ? Math.round((done / total) * WIDTH) : WIDTH;
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${label}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
