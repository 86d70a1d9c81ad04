import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';

/**
 * Stops listening and waits for the requests in flight to be answered. Node closes the connections that are idle when
 * closing begins; one busy then becomes idle after its answer and would stay open for its keep-alive timeout (72 s on
 * Fastify), holding the close up: idle connections are closed again until the server has closed.
 */
async function stopTakingRequests(app: NestFastifyApplication): Promise<void> {
  const server: Server = app.getHttpServer();
  const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
  try {
    await app.getHttpAdapter().close();
  } finally {
    clearInterval(closeIdle);
  }
}

/**
 * On SIGTERM or SIGINT: stop taking requests and answer those in flight, then let queued appends commit and the
 * projections finish their batch (`app.close()` runs every shutdown hook), then exit 0.
 */
export function closeOnSignals(app: NestFastifyApplication): void {
  const logger = new Logger('Ledger');
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: closing the ledger`);
    // The HTTP server first: Nest's close runs the modules' destroy hooks (which close the projections' read store)
    // before it closes the server, and a request still running would find its store gone. Closing twice is harmless.
    await stopTakingRequests(app);
    await app.close();
  };
  const exitAfterClosing = (signal: string) =>
    close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  process.once('SIGTERM', () => void exitAfterClosing('SIGTERM'));
  process.once('SIGINT', () => void exitAfterClosing('SIGINT'));
}
