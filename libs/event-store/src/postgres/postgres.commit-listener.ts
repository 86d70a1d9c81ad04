/**
 * LISTENs on the log's commit channel, so that followers in this process wake up when another process (or another
 * store instance) commits, instead of waiting for their next poll. Every batch that writes events NOTIFYs the channel
 * in its transaction; PostgreSQL delivers the notification once the commit is visible.
 *
 * A convenience, not a guarantee: the follower's poll still catches every commit when a notification is late or the
 * listening connection is lost.
 */
import { Client } from 'pg';

export class CommitListener {
  private constructor(private readonly client: Client) {}

  /**
   * @param onCommit called on every notification
   * @param onLost called once when the connection fails or ends unexpectedly
   */
  static async start(
    connectionString: string,
    channel: string,
    onCommit: () => void,
    onLost: (error: unknown) => void,
  ): Promise<CommitListener> {
    const client = new Client({ connectionString });
    let listening = false; // until LISTEN succeeded, a failure is start's rejection, not a lost listener
    const lose = (error: unknown) => {
      if (!listening) return;
      listening = false;
      void client.end().catch(() => undefined); // frees the socket; the connection is of no further use
      onLost(error);
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('the listening connection ended')));
    await client.connect();
    try {
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on('notification', (message) => {
      if (message.channel === channel) onCommit();
    });
    listening = true;
    return new CommitListener(client);
  }

  async stop(): Promise<void> {
    this.client.removeAllListeners('end');
    this.client.removeAllListeners('error');
    this.client.on('error', () => undefined); // a late socket error while ending is not a lost listener
    await this.client.end();
  }
}
