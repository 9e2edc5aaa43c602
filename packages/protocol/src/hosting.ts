import { z } from 'zod';

/**
 * GET /api/hosting: what the host form needs to know before it sends `host`. When
 * `passcodeRequired` is true the server refuses a `host` message without the trainer passcode
 * (`bad-passcode`).
 */
export const hostingInfoSchema = z.strictObject({
  passcodeRequired: z.boolean(),
  /** The most learners one session seats. */
  seatsPerSession: z.int(),
});
export type HostingInfo = z.infer<typeof hostingInfoSchema>;
