// A CloudWatch error. `code` is the awsQuery error code (the SDK maps it back to its exception
// class through the x-amzn-query-error header); `type` the JSON shape name, when the model has one.
export class CloudWatchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: string = code,
  ) {
    super(message);
  }
}

// CloudWatch answers input it cannot accept with the common awsQuery ValidationError, which the
// model does not list, so the SDK raises its base CloudWatchServiceException named ValidationError.
export const validationError = (message: string) => new CloudWatchError(400, 'ValidationError', message);
export const missingParameter = (name: string) =>
  new CloudWatchError(400, 'MissingParameter', `The parameter ${name} is required.`, 'MissingRequiredParameterException');
export const invalidNextToken = () =>
  new CloudWatchError(400, 'InvalidNextToken', 'The service cannot process the NextToken.', 'InvalidNextToken');
