import { Injectable } from '@nestjs/common';

/** The time sessions are judged by; tests move it instead of waiting. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
