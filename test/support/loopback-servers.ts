/** Loopback HTTP servers a test started: closed with their connections, so keep-alive sockets do not hold it. */
import type http from 'node:http';

export async function closeServers(servers: http.Server[]): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
}
