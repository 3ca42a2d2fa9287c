import { ArgumentMetadata } from '@nestjs/common';
import {
  IsEmail,
  IsIn,
  IsLowercase,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AppException } from './app.exception';
import { createValidationPipe } from './validation';

class Body {
  @IsEmail()
  email!: string;

  @IsString()
  password!: string;
}

const WHOLE_CODE = 'code must be the six digits from the app';

class CodeBody {
  @IsString({ message: WHOLE_CODE })
  @MinLength(6, { message: WHOLE_CODE })
  @Matches(/^\d{6}$/, { message: WHOLE_CODE })
  code!: string;
}

class TextBody {
  @IsString({ message: 'text must be text' })
  @MinLength(3, { message: 'text must be at least 3 characters' })
  @IsLowercase({ message: 'text must be lower case' })
  text!: string;
}

class LongEmailBody {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @IsString()
  password!: string;
}

class ExportQuery {
  @IsIn(['json', 'html'])
  format!: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Body };

async function problemsOf(value: unknown, metatype: ArgumentMetadata['metatype'] = Body) {
  try {
    await createValidationPipe().transform(value, { ...metadata, metatype });
  } catch (error) {
    return error as AppException;
  }
  throw new Error('expected the pipe to refuse the value');
}

describe('validation pipe', () => {
  it('names the malformed field', async () => {
    const error = await problemsOf({ email: 'not-an-email', password: 'x' });

    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(['email']);
    expect(error.message).toMatch(/email must be an email/);
  });

  it('says a missing field is required', async () => {
    const error = await problemsOf({});

    expect(error.fields).toEqual({
      email: ['email is required'],
      password: ['password is required'],
    });
    expect(error.message).toBe(
      'Please correct the request: email is required; password is required.',
    );
  });

  it('says which values a missing field may take', async () => {
    const error = await problemsOf({}, ExportQuery);

    expect(error.fields).toEqual({
      format: ['format is required', 'format must be one of the following values: json, html'],
    });
  });

  it('tells a value of the wrong kind only what kind it must be', async () => {
    const error = await problemsOf({ text: 5 }, TextBody);

    expect(error.fields).toEqual({ text: ['text must be text'] });
  });

  it('tells a value that is not an email only that, however long it is', async () => {
    const error = await problemsOf({ email: 5, password: 'x' }, LongEmailBody);

    expect(error.fields).toEqual({ email: ['email must be an email address'] });
  });

  it('names every rule a value of the right kind breaks', async () => {
    const error = await problemsOf({ text: 'X' }, TextBody);

    expect(error.fields?.['text']).toEqual(
      expect.arrayContaining(['text must be at least 3 characters', 'text must be lower case']),
    );
  });

  it('refuses unknown fields by name', async () => {
    const error = await problemsOf({ email: 'a@b.example', password: 'x', isAdmin: true });

    expect(error.fields).toHaveProperty('isAdmin');
  });

  it('says a problem once, however many rules found it', async () => {
    const error: AppException = await createValidationPipe()
      .transform({ code: 12 }, { type: 'body', metatype: CodeBody })
      .then(
        () => {
          throw new Error('expected the pipe to refuse the value');
        },
        (refusal: unknown) => refusal as AppException,
      );

    expect(error.fields).toEqual({ code: [WHOLE_CODE] });
  });

  it('lets a valid body through', async () => {
    await expect(
      createValidationPipe().transform({ email: 'a@b.example', password: 'x' }, metadata),
    ).resolves.toBeInstanceOf(Body);
  });
});
