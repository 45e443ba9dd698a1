// An error as Service Quotas (awsJson1_1) answers it: the shape name in `__type`, text in `Message`.
export class ServiceQuotasError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export const illegalArgument = (message: string) => new ServiceQuotasError(400, 'IllegalArgumentException', message);
export const noSuchResource = (message: string) => new ServiceQuotasError(400, 'NoSuchResourceException', message);
export const invalidPaginationToken = () =>
  new ServiceQuotasError(400, 'InvalidPaginationTokenException', 'Invalid input: The pagination token is not valid.');
export const accessDenied = (operation: string) =>
  new ServiceQuotasError(
    400,
    'AccessDeniedException',
    `You do not have sufficient access to perform this action (servicequotas:${operation}).`,
  );
