import { Type, type Static } from '@sinclair/typebox';

/** The body of every error response. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, SENTRA_ERR_*.' }),
      message: Type.String(),
      request_id: Type.Optional(Type.String()),
      details: Type.Array(
        Type.Object({
          code: Type.String({ description: 'Problem code, e.g. required, enum, type, format.' }),
          path: Type.String({ description: 'JSON pointer of the offending field.' }),
          message: Type.String(),
        }),
      ),
    }),
  },
  { $id: 'ErrorResponse' },
);
/** An error response body. */
export type ErrorResponse = Static<typeof ErrorResponse>;
