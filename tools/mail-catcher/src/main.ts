import { startMailCatcher } from './mail-catcher';

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535, not "${value}".`);
  }

  return parsed;
}

async function main(): Promise<void> {
  const catcher = await startMailCatcher({
    smtpPort: port('MAIL_CATCHER_SMTP_PORT', 1025),
    httpPort: port('MAIL_CATCHER_HTTP_PORT', 1080),
  });
  process.stdout.write(
    `mail catcher: SMTP on 127.0.0.1:${catcher.smtpPort}, messages at ${catcher.url}\n`,
  );

  const stop = () => {
    void catcher.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The mail catcher could not start.\n${String(error)}\n`);
  process.exit(1);
});
