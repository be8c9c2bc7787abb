/** Contract channel → service method. No logic lives here. */
import type { ConnectionService } from '../services/connection-service';
import type { Handlers } from './registrar';

export interface Services {
  connection: ConnectionService;
}

export function createHandlers({ connection }: Services): Handlers {
  return {
    'connection:getStatus': () => connection.getStatus(),
    'connection:connect': (input) => connection.connect(input),
    'connection:verify': () => connection.verify(),
    'connection:disconnect': () => connection.disconnect(),
    'connection:setMessagingService': (input) => connection.setMessagingService(input),
  };
}
