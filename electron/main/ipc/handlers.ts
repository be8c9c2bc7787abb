/** Contract channel → service method. No logic lives here. */
import type { A2pService } from '../services/a2p-service';
import type { AgentsService } from '../services/agents-service';
import type { AssignmentsService } from '../services/assignments-service';
import type { ConnectionService } from '../services/connection-service';
import type { CostsService } from '../services/costs-service';
import type { DoctorService } from '../services/doctor-service';
import type { NumbersService } from '../services/numbers-service';
import type { PurchasesService } from '../services/purchases-service';
import type { SettingsService } from '../services/settings-service';
import type { SetupService } from '../services/setup-service';
import type { ReachabilityService } from '../services/reachability-service';
import type { Handlers } from './registrar';

export interface Services {
  connection: ConnectionService;
  numbers: NumbersService;
  purchases: PurchasesService;
  agents: AgentsService;
  assignments: AssignmentsService;
  settings: SettingsService;
  costs: CostsService;
  doctor: DoctorService;
  a2p: A2pService;
  setup: SetupService;
  reachability: ReachabilityService;
}

export function createHandlers({
  connection,
  numbers,
  purchases,
  agents,
  assignments,
  settings,
  costs,
  doctor,
  a2p,
  setup,
  reachability,
}: Services): Handlers {
  return {
    'connection:getStatus': () => connection.getStatus(),
    'connection:connect': (input) => connection.connect(input),
    'connection:verify': () => connection.verify(),
    'connection:disconnect': () => connection.disconnect(),
    'connection:setMessagingService': (input) => connection.setMessagingService(input),
    'reachability:status': () => reachability.status(),
    'reachability:check': () => reachability.check(),
    'numbers:list': () => numbers.list(),
    'numbers:sync': () => numbers.sync(),
    'numbers:cancelSync': () => ({ cancelled: numbers.cancelSync() }),
    'numbers:countries': async () => ({ countries: await numbers.countries() }),
    'numbers:search': (input) => numbers.search(input),
    'purchases:quote': (input) => purchases.quote(input),
    'purchases:buy': (input) => purchases.buy(input),
    'purchases:prepareRelease': (input) => purchases.prepareRelease(input),
    'purchases:release': (input) => purchases.release(input),
    'purchases:activity': () => ({ entries: purchases.activity() }),
    'agents:list': () => ({ agents: agents.list() }),
    'agents:save': (input) => ({ agent: agents.save(input) }),
    'agents:delete': (input) => agents.delete(input),
    'assignments:run': (input) => assignments.run(input),
    'assignments:cancel': ({ jobId }) => ({ cancelled: assignments.cancel(jobId) }),
    'settings:get': () => settings.get(),
    'settings:prepareWebhookBaseUrl': ({ webhookBaseUrl }) => settings.prepareWebhookBaseUrl(webhookBaseUrl),
    'settings:setWebhookBaseUrl': ({ confirmationId }) => settings.setWebhookBaseUrl(confirmationId),
    'settings:useDefaultWebhookBaseUrl': () => settings.useDefaultWebhookBaseUrl(),
    'costs:summary': ({ month }) => costs.summary(month),
    'costs:sync': () => costs.sync(),
    'costs:exportCsv': ({ month }) => costs.exportCsv(month),
    'a2p:status': () => a2p.status(),
    'a2p:refresh': () => a2p.refresh(),
    'doctor:check': ({ numberSid }) => doctor.check(numberSid),
    'doctor:fix': ({ numberSid, fix }) => doctor.fix(numberSid, fix),
    'setup:progress': () => setup.progress(),
    'setup:save': (place) => setup.save(place),
  };
}
