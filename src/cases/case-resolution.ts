/** An analyst's verdict on a case; it becomes the transaction's `analyst` label. */
export const caseResolutions = { fraud: 'fraud', legit: 'legit' } as const satisfies Record<string, string>;

/** A verdict. */
export type CaseResolution = (typeof caseResolutions)[keyof typeof caseResolutions];
