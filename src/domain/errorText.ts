/** What a place shows of a failure: an Error's message, else the thrown value as text. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
