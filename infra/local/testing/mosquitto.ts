/**
 * A real MQTT broker for tests and benches: Debian's mosquitto, started on a free loopback port with a password file
 * (anonymous clients refused), in a temporary folder of its own, stopped and removed afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';

const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p));
const MOSQUITTO_PASSWD = ['/usr/bin/mosquitto_passwd', '/usr/sbin/mosquitto_passwd'].find((p) => existsSync(p));

export class MosquittoMissingError extends Error {
  constructor() {
    super('These tests need a real MQTT broker: install Debian\'s mosquitto (sudo apt-get install -y mosquitto); it provides /usr/sbin/mosquitto and /usr/bin/mosquitto_passwd. .ci/run installs it when missing.');
  }
}

export interface RunningMosquitto {
  /** `mqtt://127.0.0.1:<port>`, without credentials. */
  url: string;
  port: number;
  username: string;
  password: string;
  stop(): Promise<void>;
}

export async function startMosquitto(options: { username?: string; password?: string; port?: number } = {}): Promise<RunningMosquitto> {
  if (!MOSQUITTO || !MOSQUITTO_PASSWD) throw new MosquittoMissingError();
  const username = options.username ?? 'pitwatch';
  const password = options.password ?? 'mqtt-test-password';
  const dir = mkdtempSync(join(tmpdir(), 'pitwatch-mosquitto-'));
  const passwordFile = join(dir, 'passwords');
  writeFileSync(passwordFile, '', { mode: 0o600 });
  const hashed = spawnSync(MOSQUITTO_PASSWD, ['-b', passwordFile, username, password], { encoding: 'utf8' });
  if (hashed.status !== 0) throw new Error(`mosquitto_passwd failed: ${hashed.stderr}`);
  const port = options.port ?? (await freePort());
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    // Started as root, mosquitto would switch to its own user, who cannot read our private temporary folder.
    [`listener ${port} 127.0.0.1`, `user ${userInfo().username}`, 'allow_anonymous false', `password_file ${passwordFile}`, 'persistence false', 'log_dest stderr', 'log_type error', ''].join('\n'),
  );
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // A test or bench that dies (process.exit) must not leave the broker behind.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  await waitForPort(port, exited, () => stderr);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    username,
    password,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, exited: Promise<number | null>, stderr: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 100; i++) {
    if (gone) throw new Error(`mosquitto exited at start: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`mosquitto did not listen on ${port}: ${stderr()}`);
}
