/** The fake Twilio the benchmarks talk to, in its own process as Twilio is not inside the app either. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FakeTwilioHosts } from '../tools/fake-twilio/control-schema';

export interface ExternalFake {
  hosts: FakeTwilioHosts;
  controlUrl: string;
  process: ChildProcess;
}

/** Starts `npm run fake-twilio`'s script in a child process and reads the addresses it prints. */
export function startExternalFake(): Promise<ExternalFake> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('tools', 'fake-twilio', 'cli.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the fake Twilio exited (${code ?? 'signal'}): ${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const hosts = /GLEAM_TWILIO_HOSTS='([^']+)'/.exec(output)?.[1];
      const controlUrl = /GLEAM_FAKE_TWILIO_CONTROL=(\S+)/.exec(output)?.[1];
      if (hosts && controlUrl) resolve({ hosts: JSON.parse(hosts) as FakeTwilioHosts, controlUrl, process: child });
    });
  });
}

export function stopExternalFake(fake: ExternalFake): void {
  fake.process.removeAllListeners('exit');
  fake.process.kill();
}
