require('reflect-metadata');
const { SqliteEventStore } = require('/work/wt-reads/dist/libs/event-store/src/index.js');
const { foldUntil } = require('/work/wt-reads/dist/apps/projection/src/replay/timeline.js');
const { CONSORTIUM_REPLAY } = require('/work/wt-reads/dist/apps/projection/src/replay/replayable.js');
(async () => {
  const store = await SqliteEventStore.open({ file: process.argv[2] });
  for (const label of ['read', 'fold', 'view']) {
    const ms = [];
    for (let i = 0; i < 120; i++) {
      const t = process.hrtime.bigint();
      if (label === 'read') await store.readStream('consortium-gen-c-long');
      else {
        const f = await foldUntil(store, CONSORTIUM_REPLAY, 'gen-c-long', { timestamp: '2099-12-31T16:00:00Z' });
        if (label === 'view') CONSORTIUM_REPLAY.view(f.state);
      }
      if (i >= 20) ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    ms.sort((a, b) => a - b);
    console.log(label, 'p50', ms[50].toFixed(2), 'p99', ms[98].toFixed(2));
  }
})();
