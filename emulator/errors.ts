import { errorStatus } from './model';

// Errors that are not IVS model shapes but come from the AWS front door (auth, routing).
const FRONT_DOOR_STATUS: Record<string, number> = {
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 400,
  SerializationException: 400,
  UnknownOperationException: 404,
};

// An error the service answers with; the status comes from the model so the SDK maps it exactly.
export class IvsError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.status = errorStatus(code) ?? FRONT_DOOR_STATUS[code] ?? 500;
  }
}

/** An AWS front-door error (auth, routing) rather than one of IVS's own error shapes. */
export const isFrontDoorError = (code: string): boolean => code in FRONT_DOOR_STATUS;

export const validation = (message: string) => new IvsError('ValidationException', message);
export const notFound = (message: string) => new IvsError('ResourceNotFoundException', message);
export const conflict = (message: string) => new IvsError('ConflictException', message);
export const quotaExceeded = (message: string) => new IvsError('ServiceQuotaExceededException', message);
export const notBroadcasting = (message: string) => new IvsError('ChannelNotBroadcasting', message);

export function resourceNotFound(arn: string): IvsError {
  return notFound(`Resource: ${arn} not found`);
}
