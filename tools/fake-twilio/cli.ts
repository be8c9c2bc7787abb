/**
 * `npm run fake-twilio [-- --seed] [--port-base N] [--latency-ms N]`
 *
 * Runs the fake Twilio in the foreground for manual runs of the app and for
 * suites that use an external fake. Prints the GLEAM_TWILIO_HOSTS value and
 * the control URL; with --seed, also a demo account and Messaging Service.
 */
import { parseArgs } from 'node:util';
import { seededAccount, seededMessagingService } from './control-api';
import { startFakeTwilio } from './server';

const USAGE = 'usage: npm run fake-twilio -- [--seed] [--port-base N] [--latency-ms N]';

function nonNegativeInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a non-negative integer\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'boolean', default: false },
      'port-base': { type: 'string' },
      'latency-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const fake = await startFakeTwilio({
    portBase: nonNegativeInt('port-base', values['port-base']),
    latencyMs: nonNegativeInt('latency-ms', values['latency-ms']),
  });

  console.log(`GLEAM_TWILIO_HOSTS='${JSON.stringify(fake.hosts)}'`);
  console.log(`GLEAM_FAKE_TWILIO_CONTROL=${fake.controlUrl}`);
  if (values.seed) {
    const account = seededAccount(fake.state.createAccount({ friendlyName: 'Gleam demo account' }));
    const service = seededMessagingService(
      fake.state.createMessagingService({ accountSid: account.sid, friendlyName: 'Gleam demo service' }),
    );
    console.log(`Demo account SID:    ${account.sid}`);
    console.log(`Demo auth token:     ${account.authToken}`);
    console.log(`Demo Messaging Service SID: ${service.sid}`);
  }
  console.log('Fake Twilio is running; Ctrl+C to stop.');

  const stop = (signal: NodeJS.Signals) => {
    console.log(`\n${signal}: stopping the fake Twilio`);
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
