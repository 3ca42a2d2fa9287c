import type { ArgumentsHost } from '@nestjs/common';
import { HttpException, NotFoundException } from '@nestjs/common';
import type { ApiError } from '@ivks/contracts';
import type { PinoLogger } from 'nestjs-pino';
import { ApiExceptionFilter } from './api-exception.filter';
import { AppException } from './app.exception';

interface Answer {
  status?: number;
  body?: ApiError;
}

function hostAnswering(answer: Answer): ArgumentsHost {
  const reply = {
    status(code: number) {
      answer.status = code;

      return reply;
    },
    send(body: ApiError) {
      answer.body = body;

      return reply;
    },
  };

  return { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
}

describe('ApiExceptionFilter', () => {
  const logged: { errorId?: string }[] = [];
  const logger = {
    error: (fields: { errorId?: string }) => logged.push(fields),
  } as unknown as PinoLogger;
  const filter = new ApiExceptionFilter(logger);

  beforeEach(() => {
    logged.length = 0;
  });

  it('answers an unexpected failure with 500 and an error id that is also in the log', () => {
    const answer: Answer = {};
    filter.catch(new Error('connection terminated'), hostAnswering(answer));

    expect(answer.status).toBe(500);
    expect(answer.body?.code).toBe('internal_error');
    expect(answer.body?.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body?.message).toContain(answer.body?.errorId);
    expect(answer.body?.message).not.toContain('connection terminated');
    expect(logged).toEqual([expect.objectContaining({ errorId: answer.body?.errorId })]);
  });

  it('answers a feature error with its own status and code, and logs nothing', () => {
    const answer: Answer = {};
    filter.catch(
      new AppException('patient_not_found', 'There is no patient with this id in your clinic.'),
      hostAnswering(answer),
    );

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      statusCode: 404,
      code: 'patient_not_found',
      message: 'There is no patient with this id in your clinic.',
    });
    expect(logged).toEqual([]);
  });

  it('puts a framework error in the same shape', () => {
    const answer: Answer = {};
    filter.catch(new NotFoundException(), hostAnswering(answer));

    expect(answer.body).toEqual({
      statusCode: 404,
      code: 'route_not_found',
      message: 'There is nothing at this address.',
    });
  });

  it('names a body over the size limit, which Fastify raises with its status only', () => {
    const answer: Answer = {};
    filter.catch(new HttpException('Request body is too large', 413), hostAnswering(answer));

    expect(answer.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    expect(answer.body?.message).toContain('at most 256 KB');
  });

  it('asks for JSON when a body comes in another type', () => {
    const answer: Answer = {};
    filter.catch(new HttpException('Unsupported Media Type', 415), hostAnswering(answer));

    expect(answer.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
    expect(answer.body?.message).toContain('Content-Type: application/json');
  });
});
