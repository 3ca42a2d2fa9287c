import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One email the catcher received, as the HTTP API returns it. */
export interface CaughtMessage {
  id: string;
  /** The Message-ID header the sender gave, if any. */
  messageId: string | null;
  /** The envelope's recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface MailCatcherOptions {
  /** 0 picks a free port; the catcher reports the one it got. */
  smtpPort: number;
  httpPort: number;
  host?: string;
  /** The oldest messages are dropped beyond this many, so a long demo stays small. */
  keep?: number;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  /** Where the HTTP API and the page listen, e.g. http://127.0.0.1:1080. */
  url: string;
  /** Newest first. */
  messages(): CaughtMessage[];
  clear(): void;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * Mail to this domain is refused as a mailbox that does not exist, for good, so that the demo
 * and the tests can see how a delivery that fails looks to a clinic.
 */
export const REFUSED_DOMAIN = 'refused.example';

/**
 * A local SMTP server that accepts every email and keeps it in memory, with a small HTTP API and
 * page to read what arrived. For the demo and the tests only: it sends nothing on.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? 500;
  const messages: CaughtMessage[] = [];

  const smtp = new SMTPServer({
    // Plain SMTP on the loopback: no TLS to negotiate and no account to sign in with.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    banner: 'IV Ketamine Support mail catcher',
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${REFUSED_DOMAIN}`)) {
        const refusal = Object.assign(new Error('5.1.1 No such mailbox here'), {
          responseCode: 550,
        });
        callback(refusal);

        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((recipient) =>
            recipient.address.toLowerCase(),
          );
          messages.unshift({
            id: randomUUID(),
            messageId: parsed.messageId ?? null,
            to: envelopeTo.length > 0 ? envelopeTo : headerAddresses(parsed.to),
            from:
              headerAddresses(parsed.from)[0] ??
              (session.envelope.mailFrom || undefined)?.address ??
              '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            receivedAt: new Date().toISOString(),
          });
          messages.splice(keep);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  const http = createServer((request, response) => {
    handle(request, response, messages);
  });

  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => {
      smtp.off('error', reject);
      resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  // smtp-server logs a dropped connection as an error event; a catcher shrugs it off.
  smtp.on('error', () => undefined);

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;

  return {
    smtpPort,
    httpPort,
    url: `http://${host}:${httpPort}`,
    messages: () => [...messages],
    clear: () => messages.splice(0),
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        closeHttp(http),
      ]);
    },
  };
}

function headerAddresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];

  return objects.flatMap((object) =>
    object.value.flatMap((address) => (address.address ? [address.address.toLowerCase()] : [])),
  );
}

function closeHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function handle(request: IncomingMessage, response: ServerResponse, messages: CaughtMessage[]) {
  const url = new URL(request.url ?? '/', 'http://catcher.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = request.method ?? 'GET';

  if (path === '/api/messages' && method === 'GET') {
    const to = url.searchParams.get('to')?.trim().toLowerCase();
    json(response, 200, to ? messages.filter((message) => message.to.includes(to)) : messages);
  } else if (path === '/api/messages' && method === 'DELETE') {
    messages.splice(0);
    response.writeHead(204).end();
  } else if (path.startsWith('/api/messages/') && method === 'GET') {
    const message = messages.find((candidate) => candidate.id === path.slice(14));
    if (message) {
      json(response, 200, message);
    } else {
      json(response, 404, { message: 'No message has that id.' });
    }
  } else if (path === '/' && method === 'GET') {
    page(response, 200, 'Mail catcher', listPage(messages));
  } else if (path.startsWith('/messages/') && method === 'GET') {
    const message = messages.find((candidate) => candidate.id === path.slice(10));
    if (message) {
      page(response, 200, message.subject || '(no subject)', messagePage(message));
    } else {
      page(
        response,
        404,
        'Not found',
        '<p>No message has that id. <a href="/">All messages</a></p>',
      );
    }
  } else {
    json(response, 404, { message: `Nothing answers ${method} ${path}.` });
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function page(response: ServerResponse, status: number, title: string, body: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The page runs no script; a caught email shows only inside a sandboxed frame.
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
  });
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
      '<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#1f2933}' +
      'table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #ddd}' +
      'pre{white-space:pre-wrap;background:#f5f5f5;padding:12px}iframe{width:100%;height:480px;border:1px solid #ddd}</style>' +
      `</head><body>${body}</body></html>`,
  );
}

function listPage(messages: CaughtMessage[]): string {
  const rows = messages
    .map(
      (message) =>
        `<tr><td>${escape(message.receivedAt)}</td><td>${escape(message.to.join(', '))}</td>` +
        `<td><a href="/messages/${escape(message.id)}">${escape(message.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');

  return (
    '<h1>Mail catcher</h1>' +
    '<p>Every email the demo sends lands here; nothing leaves this machine. Newest first; reload to see new ones.</p>' +
    (messages.length === 0
      ? '<p>No email yet.</p>'
      : `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`)
  );
}

function messagePage(message: CaughtMessage): string {
  const html = message.html
    ? `<h2>HTML</h2><iframe sandbox title="HTML body" srcdoc="${escape(message.html)}"></iframe>`
    : '';

  return (
    '<p><a href="/">All messages</a></p>' +
    `<h1>${escape(message.subject || '(no subject)')}</h1>` +
    `<p>From ${escape(message.from)} to ${escape(message.to.join(', '))}, received ${escape(message.receivedAt)}</p>` +
    `<h2>Text</h2><pre>${linkify(escape(message.text))}</pre>` +
    html
  );
}

/** Makes the links of an escaped text body clickable, so a demo can follow them. */
function linkify(escaped: string): string {
  return escaped.replace(
    /https?:\/\/[^\s<"']*[^\s<"'.,;:!?)]/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
