import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { RateLimit } from '../common/rate-limit';
import { ClinicSignupService } from './clinic-signup.service';
import {
  ClinicSignupAcceptedDto,
  ClinicSignupDto,
  VerifiedClinicSignupDto,
  VerifyClinicSignupDto,
} from './dto/clinic-signup.dto';

@ApiTags('clinic sign-up')
@Public()
@Controller({ path: 'clinic-signups', version: '1' })
export class ClinicSignupController {
  constructor(private readonly signups: ClinicSignupService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('sign_up')
  @ApiAcceptedResponse({
    type: ClinicSignupAcceptedDto,
    description: 'The same answer whether or not the email already has an account.',
  })
  signUp(@Body() body: ClinicSignupDto): Promise<ClinicSignupAcceptedDto> {
    return this.signups.signUp(body);
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @RateLimit('invitation_accept')
  @ApiOkResponse({ type: VerifiedClinicSignupDto, description: 'The owner can now sign in.' })
  @ApiBadRequestResponse({ description: 'signup_link_invalid: not a link we sent, or replaced.' })
  @ApiGoneResponse({ description: 'signup_link_used or signup_link_expired.' })
  verify(
    @Body() body: VerifyClinicSignupDto,
    @Ip() address: string,
  ): Promise<VerifiedClinicSignupDto> {
    return this.signups.verify(body.token, address);
  }
}
