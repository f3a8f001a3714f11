/**
 * `npm run thermoworks -- <login|devices|channels <serial>|archives <serial> [--download]> [--show-tokens]`
 * Talks to ThermoWorks Cloud (or the simulator via THERMOWORKS_*_URL) with THERMOWORKS_EMAIL / THERMOWORKS_PASSWORD.
 * Parsed domain objects go to stdout as JSON; diagnostics to stderr. Exit 0 ok, 2 bad credentials, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { createThermoWorksClient } from './client';
import { thermoWorksConfigFromEnv } from './config';
import { InvalidCredentialsError } from './errors';
import { PitwatchError } from '../errors';

const USAGE = 'usage: npm run thermoworks -- login [--show-tokens] | devices | channels <serial> | archives <serial> [--download]';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_CREDENTIALS = 2;

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  fetch?: typeof fetch;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'show-tokens': { type: 'boolean' }, download: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, serial] = positionals;
  if (values.help || !command) {
    io.err(USAGE);
    return values.help ? EXIT_OK : EXIT_FAILURE;
  }
  const email = io.env.THERMOWORKS_EMAIL;
  const password = io.env.THERMOWORKS_PASSWORD;
  if (!email || !password) {
    io.err('Set THERMOWORKS_EMAIL and THERMOWORKS_PASSWORD.');
    return EXIT_BAD_CREDENTIALS;
  }
  const print = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  try {
    const client = createThermoWorksClient({
      config: thermoWorksConfigFromEnv(io.env),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      onRetry: ({ attempt, delayMs, error }) => io.err(`retry ${attempt} in ${delayMs} ms: ${error instanceof Error ? error.message : String(error)}`),
    });
    io.err(`Signing in to ${client.config.identityUrl} as ${email}…`);
    const tokens = await client.signIn(email, password);
    const session = client.session(tokens);
    switch (command) {
      case 'login': {
        const user = await session.getUser();
        // Tokens are the user's credentials: only printed when asked.
        print({ uid: tokens.uid, email: tokens.email, expiresAt: tokens.expiresAt, user, ...(values['show-tokens'] ? { tokens } : {}) });
        return EXIT_OK;
      }
      case 'devices': {
        const user = await session.getUser();
        print(await session.listDevices(user.accountId));
        return EXIT_OK;
      }
      case 'channels':
        if (!serial) break;
        // Channel reads of an unknown device are all 404s, i.e. "no channels": check the device first.
        await session.getDevice(serial);
        print(await session.listChannels(serial));
        return EXIT_OK;
      case 'archives': {
        if (!serial) break;
        const archives = await session.listArchives(serial);
        if (!values.download) {
          print(archives);
          return EXIT_OK;
        }
        const withReadings = [];
        for (const archive of archives) withReadings.push({ ...archive, readings: await session.downloadArchive(archive) });
        print(withReadings);
        return EXIT_OK;
      }
    }
    io.err(USAGE);
    return EXIT_FAILURE;
  } catch (error) {
    if (error instanceof PitwatchError) io.err(`${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`);
    else io.err(error instanceof Error ? error.message : String(error));
    return error instanceof InvalidCredentialsError ? EXIT_BAD_CREDENTIALS : EXIT_FAILURE;
  }
}

// Run only when executed directly (tests import runCli).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runCli(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(EXIT_FAILURE);
    },
  );
}
