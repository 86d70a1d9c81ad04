const WIDTH = 30;

/** A one-line progress bar on a terminal stream: `label [#######-------]  47% 4700/10000`. */
export function progressBar(stream: NodeJS.WriteStream, label: string) {
  let last = '';
  return {
    update: (done: number, total: number) => {
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * WIDTH);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`;
      if (line === last) return;
      last = line;
      stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
    },
    done: () => {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
